package nl.doorstroom.capacity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Map;

/** Shelter capacity: CNO places per veiligheidsregio and COA places against the 51,000 needed end 2022. */
@SpringBootApplication
@EnableScheduling
public class CapacityServiceApplication {

    /** Its configuration file is {@code capacity-service.yml}, so services can share one JVM in the local stack. */
    public static final String CONFIG_NAME = "capacity-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(CapacityServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
