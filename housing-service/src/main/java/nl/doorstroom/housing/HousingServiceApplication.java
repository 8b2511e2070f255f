package nl.doorstroom.housing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Map;

/**
 * Housing of vergunninghouders (status holders): the taakstelling per municipality and half year, distributed by
 * population with earlier results taken into account, its province (PRT) roll-up, and the waiting count.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
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
