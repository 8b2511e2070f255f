package nl.doorstroom.finance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Map;

/**
 * The financial table of the agreement, claims and reimbursements, the advance and business cases within 72 hours.
 */
@SpringBootApplication
@EnableScheduling
public class FinanceServiceApplication {

    /** Its configuration file is {@code finance-service.yml}, so services can share one JVM in the local stack. */
    public static final String CONFIG_NAME = "finance-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(FinanceServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
