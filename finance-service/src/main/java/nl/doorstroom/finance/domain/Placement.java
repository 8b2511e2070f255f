package nl.doorstroom.finance.domain;

/** Where a budget line stands relative to the agreement's financial table. */
public enum Placement {
    /** A line of the table; it counts in the per-year totals. */
    TABLE,
    /** Printed below the total and not part of it (the BZK loan facility). */
    APART,
    /** No part of the table: costs the agreement reimburses in full (CNO costs, GGD costs via COA). */
    REIMBURSEMENT
}
