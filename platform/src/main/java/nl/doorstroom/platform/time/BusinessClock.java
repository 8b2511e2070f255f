package nl.doorstroom.platform.time;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;

/**
 * The clock that business time is read from. Empty: the wall clock. With {@code start} set, time begins at that
 * instant when the service starts and runs {@code speed} times as fast, so history can be replayed in minutes.
 */
@ConfigurationProperties("doorstroom.clock")
public record BusinessClock(Instant start, Double speed) {
}
