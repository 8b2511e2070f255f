package nl.doorstroom.platform.register;

/** Where a commitment stands. MISSED is set by the deadline service or by a report; MET by a report or a measure. */
public enum CommitmentStatus { OPEN, IN_PROGRESS, MET, MISSED }
