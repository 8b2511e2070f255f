package nl.doorstroom.deadline.domain;

/**
 * Where a deadline stands. EXTENDED is open on a later date than first agreed (the earlier dates stay in its
 * history); LATE is met after it was missed.
 */
public enum DeadlineStatus {
    OPEN, EXTENDED, MET, MISSED, LATE;

    public boolean awaitsItsDueMoment() {
        return this == OPEN || this == EXTENDED;
    }

    public boolean isMet() {
        return this == MET || this == LATE;
    }
}
