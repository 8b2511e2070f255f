package nl.doorstroom.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import java.util.Map;

/** The one public entry: routes {@code /api/<service>/**} to the services and composes the commitment register. */
@SpringBootApplication
@EnableConfigurationProperties(ServiceDirectory.class)
public class GatewayApplication {

    /** Its configuration file is {@code gateway.yml}, so it can share one JVM with the services in the local stack. */
    public static final String CONFIG_NAME = "gateway";

    /**
     * The JDK's HTTP client completes every send through CompletableFuture's default executor, which is a new thread
     * per task while the common fork-join pool has a single thread (on two cores). Two threads let it reuse threads:
     * before, the proxy started one thread per request (docs/benchmarks.md, 2026-12-07 21:55). An explicit setting wins.
     */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
