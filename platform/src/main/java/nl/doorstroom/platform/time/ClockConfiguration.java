package nl.doorstroom.platform.time;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock businessClock(BusinessClock settings) {
        if (settings.start() == null) {
            return Clock.systemUTC();
        }
        double speed = settings.speed() == null ? 1.0 : settings.speed();
        return new AcceleratedClock(settings.start(), Instant.now(), speed, ZoneOffset.UTC);
    }

    /** Starts at a chosen instant and runs {@code speed} times as fast as the wall clock. */
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
            long elapsedNanos = Duration.between(wallStart, Instant.now()).toNanos();
            return start.plusNanos((long) (elapsedNanos * speed));
        }
    }
}
