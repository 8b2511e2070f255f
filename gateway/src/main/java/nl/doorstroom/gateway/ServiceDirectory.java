package nl.doorstroom.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where the services are and how long the gateway waits for them.
 *
 * @param capacityUrl   base URL of capacity-service, or the URLs of its instances separated by commas; likewise the others
 * @param timeout       how long a proxied or composed call may take before the service counts as unavailable
 * @param maxRequestSize larger request bodies are refused (413) before they reach a service
 */
@ConfigurationProperties("doorstroom.gateway")
public record ServiceDirectory(String capacityUrl, String housingUrl, String financeUrl, String deadlineUrl,
                               @DefaultValue("5s") Duration timeout, @DefaultValue("256KB") DataSize maxRequestSize) {

    /**
     * A service by its catalogue name, with the path segment it is reached under ({@code /api/<route>/**}) and the base
     * URLs of its instances; the gateway balances over them by the name (Spring Cloud LoadBalancer, {@link ConfiguredInstances}).
     */
    public record Service(String name, String route, List<String> instances) {
    }

    public List<Service> all() {
        return List.of(
                new Service("capacity", "capacity", instances(capacityUrl)),
                new Service("housing", "housing", instances(housingUrl)),
                new Service("finance", "finance", instances(financeUrl)),
                new Service("deadline", "deadlines", instances(deadlineUrl)));
    }

    private static List<String> instances(String urls) {
        return Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty()).toList();
    }

    public Service named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
