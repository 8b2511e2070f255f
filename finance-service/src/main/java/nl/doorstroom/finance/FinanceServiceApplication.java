package nl.doorstroom.finance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/**
 * The financial table of the agreement, claims and reimbursements, the advance and business cases within 72 hours.
 * For now it runs on the shared platform and serves its part of the commitment register; its own domain follows.
 */
@SpringBootApplication
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
