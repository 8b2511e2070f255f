package nl.doorstroom.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * An accelerated business clock that stands still at its start until a test sets it running, so the start-up of
 * the service does not eat business hours before the test begins.
 */
final class ControlledClock extends Clock {

    private final Instant start;
    private final double speed;
    private volatile Instant runningSince;

    ControlledClock(Instant start, double speed) {
        this.start = start;
        this.speed = speed;
    }

    synchronized void run() {
        if (runningSince == null) {
            runningSince = Instant.now();
        }
    }

    @Override
    public Instant instant() {
        Instant since = runningSince;
        if (since == null) {
            return start;
        }
        return start.plusMillis((long) (Duration.between(since, Instant.now()).toMillis() * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
