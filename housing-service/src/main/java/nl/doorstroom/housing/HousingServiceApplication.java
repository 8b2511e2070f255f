package nl.doorstroom.housing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/**
 * Housing of vergunninghouders (status holders): the taakstelling per municipality and half year, with province roll-up.
 * For now it runs on the shared platform and serves its part of the commitment register; its own domain follows.
 */
@SpringBootApplication
public class HousingServiceApplication {

    /** Its configuration file is {@code housing-service.yml}, so services can share one JVM in the local stack. */
    public static final String CONFIG_NAME = "housing-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(HousingServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
