package nl.doorstroom.housing.domain;

/** The kinds of residence permit IND reports per week: asylum granted in first instance, and family reunification. */
public enum VergunningType {
    ASIEL,
    NAREIS
}
