package nl.doorstroom.finance.domain;

/** The budget lines recorded so far; claims and business cases are charged to one of them. */
public interface KnownBudgetLines {

    boolean exists(String line);
}
