package nl.doorstroom.platform.time;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusinessClock.class)
public class ClockConfiguration {

    private static final long AXON_GAP_TIMEOUT_MILLIS = 60_000;

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock businessClock(BusinessClock settings) {
        if (!settings.accelerated()) {
            return Clock.systemUTC();
        }
        Instant wallStart = settings.wallStart() == null ? Instant.now() : settings.wallStart();
        return new AcceleratedClock(settings.start(), wallStart, settings.speedOrOne(), ZoneOffset.UTC);
    }

    /**
     * Bean validation's "now" is the business clock in Dutch time, so {@code @PastOrPresent} on a request's business
     * date refuses one after today with 400 naming the field, on an accelerated clock as on the wall clock.
     */
    @Bean
    ValidationConfigurationCustomizer validationOnBusinessTime(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(BusinessDates.NETHERLANDS));
    }

    /**
     * Events are stamped on business time, so their recorded time ({@code knownAt}) lives on the same clock as their
     * business date: a history loaded on an accelerated clock reads as if it had been recorded as it happened.
     */
    @Bean
    EventsRecordedOnBusinessTime eventsRecordedOnBusinessTime(Clock clock) {
        return new EventsRecordedOnBusinessTime(clock);
    }

    /** Axon's processor latency is "now minus the event's recorded time", so both must be read on business time. */
    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters, Clock clock) {
        return new BusinessTimeMetricRegistry(meters, clock);
    }

    /**
     * Axon gives up on a gap in the global index (an append still being committed) after 60 s of event time: on an
     * accelerated clock that is milliseconds of wall time, and a slow commit would be skipped by every processor.
     * The timeout is stretched by the speed (at most Integer.MAX_VALUE business milliseconds).
     */
    @Bean
    static BeanPostProcessor gapTimeoutOnBusinessTime(Environment environment) {
        BusinessClock settings = Binder.get(environment).bind("doorstroom.clock", BusinessClock.class)
                .orElse(new BusinessClock(null, null, null));
        // the speed alone counts: a service may bring its own clock running at that speed
        double speed = settings.speedOrOne();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof JdbcEventStorageEngine engine && speed > 1.0) {
                    engine.setGapTimeout((int) Math.min(Integer.MAX_VALUE, AXON_GAP_TIMEOUT_MILLIS * speed));
                }
                return bean;
            }
        };
    }

    static final class EventsRecordedOnBusinessTime implements InitializingBean, DisposableBean {
        private final Clock clock;

        EventsRecordedOnBusinessTime(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void afterPropertiesSet() {
            GenericEventMessage.clock = clock;
        }

        @Override
        public void destroy() {
            if (GenericEventMessage.clock == clock) {
                GenericEventMessage.clock = Clock.systemUTC();
            }
        }
    }

    /** Stands at {@code start} until {@code wallStart}, then runs {@code speed} times as fast as the wall clock. */
    static final class AcceleratedClock extends Clock {
        private final Instant start;
        private final Instant wallStart;
        private final double speed;
        private final ZoneId zone;

        AcceleratedClock(Instant start, Instant wallStart, double speed, ZoneId zone) {
            this.start = start;
            this.wallStart = wallStart;
            this.speed = speed;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new AcceleratedClock(start, wallStart, speed, zone);
        }

        @Override
        public Instant instant() {
            double businessNanos = Math.max(0, Duration.between(wallStart, Instant.now()).toNanos()) * speed;
            long seconds = (long) (businessNanos / 1e9);
            return start.plusSeconds(seconds).plusNanos((long) (businessNanos - seconds * 1e9));
        }
    }
}
