package nl.doorstroom.deadline.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Business time: the injected clock that deadlines are judged by, and how fast it runs against the wall clock.
 * The deadline manager waits in wall time, so a due moment is turned into a wall-clock wait:
 * {@code (due - now) / speed}. A deadline that fires early (the clock was changed) is simply checked again.
 */
public final class BusinessTime {

    private final Clock clock;
    private final double speed;

    public BusinessTime(Clock clock, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("the business clock must run forward, not at speed " + speed);
        }
        this.clock = clock;
        this.speed = speed;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return DueMoment.dateOf(now());
    }

    /** How long the wall clock has to wait until this business moment; zero when it has passed. */
    public Duration wallWaitUntil(Instant businessMoment) {
        Duration business = Duration.between(now(), businessMoment);
        if (business.isNegative() || business.isZero()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil(business.toMillis() / speed));
    }

    public boolean hasPassed(Instant businessMoment) {
        return !now().isBefore(businessMoment);
    }
}
