package nl.doorstroom.gateway;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

import java.time.Duration;

/**
 * The HTTP client the gateway calls the services with, for the proxied routes (Spring Cloud Gateway takes this bean)
 * and for the register it composes. It is Apache HttpClient's blocking client: the request's own thread writes the
 * request and reads the answer on a pooled connection. The JDK's client, used before, handed each call between the
 * body's writer, its selector thread, the completion's executor and the request's thread; the gateway spent about
 * 0.9 ms more CPU per request with it (docs/benchmarks.md, 2026-12-08).
 */
@Configuration(proxyBeanMethods = false)
public class ProxyClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    // as many connections per service as the gateway has request threads (Tomcat's 200): none waits for a connection
    static final int CONNECTIONS_PER_SERVICE = 200;
    // closed sooner than a service closes an idle connection, so no request is sent on one it is closing
    static final TimeValue IDLE_CONNECTIONS_CLOSED_AFTER = TimeValue.ofSeconds(10);

    @Bean(destroyMethod = "close")
    CloseableHttpClient serviceHttpClient(ServiceDirectory services) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                                .setSocketTimeout(Timeout.of(services.timeout()))
                                .build())
                        .setMaxConnPerRoute(CONNECTIONS_PER_SERVICE)
                        .setMaxConnTotal(CONNECTIONS_PER_SERVICE * services.all().size())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(services.timeout())).build())
                .evictIdleConnections(IDLE_CONNECTIONS_CLOSED_AFTER)
                // a proxy passes on what the service answers: no redirects followed, no cookies kept, no body
                // decompressed, and no request sent twice (GatewayRoutes retries only a refused connection)
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAutomaticRetries()
                .build();
    }

    @Bean
    ClientHttpRequestFactory serviceRequests(CloseableHttpClient serviceHttpClient) {
        return new HttpComponentsClientHttpRequestFactory(serviceHttpClient);
    }
}
