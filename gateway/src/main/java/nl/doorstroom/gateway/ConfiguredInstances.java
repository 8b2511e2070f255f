package nl.doorstroom.gateway;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

/** The instances of each service as configured ({@link ServiceDirectory}), for Spring Cloud's load balancer. */
@Component
public class ConfiguredInstances implements DiscoveryClient {

    private final ServiceDirectory services;

    public ConfiguredInstances(ServiceDirectory services) {
        this.services = services;
    }

    @Override
    public String description() {
        return "the instances named in doorstroom.gateway.*-url";
    }

    @Override
    public List<ServiceInstance> getInstances(String serviceId) {
        return services.all().stream().filter(s -> s.name().equals(serviceId)).findFirst()
                .map(service -> IntStream.range(0, service.instances().size()).mapToObj(i -> {
                    URI url = URI.create(service.instances().get(i));
                    return (ServiceInstance) new DefaultServiceInstance(serviceId + "-" + (i + 1), serviceId, url.getHost(),
                            url.getPort(), "https".equals(url.getScheme()));
                }).toList())
                .orElse(List.of());
    }

    @Override
    public List<String> getServices() {
        return services.all().stream().map(ServiceDirectory.Service::name).toList();
    }
}
