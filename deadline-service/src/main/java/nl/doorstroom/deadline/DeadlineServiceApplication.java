package nl.doorstroom.deadline;

import nl.doorstroom.deadline.domain.BusinessTime;
import nl.doorstroom.deadline.messaging.RegisterStatusReporter;
import nl.doorstroom.platform.time.BusinessClock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.Map;

/**
 * Every dated commitment of the agreement: met, missed or extended, on business time. Due moments wait in Axon's
 * persistent deadline manager (db-scheduler on this service's PostgreSQL), so they survive a restart.
 */
@SpringBootApplication
@EnableScheduling
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

    /** The platform's business clock and its speed ({@code doorstroom.clock.speed}), which turns due moments into waits. */
    @Bean
    BusinessTime businessTime(Clock clock, BusinessClock settings) {
        return new BusinessTime(clock, settings.speed() == null ? 1.0 : settings.speed());
    }

    /** A register report that fails (the commitment not yet registered at start-up) is retried, not skipped. */
    @Bean
    ConfigurerModule registerReportsAreRetried() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                RegisterStatusReporter.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
