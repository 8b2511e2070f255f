package nl.doorstroom.platform.time;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;

/**
 * The clock that business time is read from. Empty: the wall clock. With {@code start} set, business time is
 * {@code start} at the wall-clock moment {@code wallStart} and runs {@code speed} times as fast from then on, so
 * history can be replayed in minutes; before {@code wallStart} it stands still at {@code start}.
 *
 * @param wallStart when business time begins to run; default: when the service starts. Every service of a stack
 *                  needs the same one, or their clocks drift apart by their start-up times multiplied by the speed.
 */
@ConfigurationProperties("doorstroom.clock")
public record BusinessClock(Instant start, Double speed, Instant wallStart) {

    public boolean accelerated() {
        return start != null;
    }

    public double speedOrOne() {
        return speed == null ? 1.0 : speed;
    }
}
