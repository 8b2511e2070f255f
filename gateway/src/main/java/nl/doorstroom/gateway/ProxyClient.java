package nl.doorstroom.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP client the gateway calls the services with, for the proxied routes (Spring Cloud Gateway takes this bean)
 * and for the register it composes. It is the JDK's client, as before, with the request bodies written by a pool of
 * reused threads: Spring's default writes every body on a thread of its own (SimpleAsyncTaskExecutor), which a profile
 * showed as one new thread per proxied POST (docs/benchmarks.md, 2026-12-07 21:55).
 */
@Configuration(proxyBeanMethods = false)
public class ProxyClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Bean(destroyMethod = "")
    ClientHttpRequestFactory serviceRequests(ServiceDirectory services) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService bodies = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "proxy-body-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client, bodies);
        requests.setReadTimeout(services.timeout());
        return requests;
    }
}
