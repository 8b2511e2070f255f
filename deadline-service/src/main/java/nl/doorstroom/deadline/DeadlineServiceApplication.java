package nl.doorstroom.deadline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/**
 * Every dated commitment of the agreement: met, missed or extended, on business time.
 * For now it runs on the shared platform and serves its part of the commitment register; its own domain follows.
 */
@SpringBootApplication
public class DeadlineServiceApplication {

    /** Its configuration file is {@code deadline-service.yml}, so services can share one JVM in the local stack. */
    public static final String CONFIG_NAME = "deadline-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(DeadlineServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
