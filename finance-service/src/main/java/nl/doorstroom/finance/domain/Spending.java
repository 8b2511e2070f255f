package nl.doorstroom.finance.domain;

/**
 * How money leaves a budget line: claims reimbursed (III.13, III.1.4), business cases assessed (III.9), or paid by
 * the Rijk from the line itself (an uitkering such as the BDUR, a specific grant, a purchase order). A line names
 * the ways it is spent in the agreement's table file; a claim or business case on a line that is not spent that way
 * is refused.
 */
public enum Spending { CLAIM, BUSINESS_CASE, DIRECT_PAYMENT }
