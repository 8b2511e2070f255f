package nl.doorstroom.platform.register;

/**
 * Where a commitment stands ({@code docs/status.md}). MET, LATE and MISSED are set by a report, the deadline service
 * or a measure; EXTENDED is open again on a later date than agreed, and a miss before it stays in the history, so
 * meeting it then is LATE, never plainly MET.
 */
public enum CommitmentStatus {
    OPEN, IN_PROGRESS, MET, LATE, MISSED, EXTENDED;

    /** A status a figure does not overrule: the reported outcome, or a decision to extend. */
    boolean standsAgainstTheFigure() {
        return this == MET || this == LATE || this == MISSED || this == EXTENDED;
    }

    /** The four statuses of the published contract's version 1: late is met, extended is open (its note says which). */
    public String inContractV1() {
        return switch (this) {
            case LATE -> MET.name();
            case EXTENDED -> OPEN.name();
            default -> name();
        };
    }
}
