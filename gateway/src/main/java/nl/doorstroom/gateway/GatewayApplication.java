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

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
