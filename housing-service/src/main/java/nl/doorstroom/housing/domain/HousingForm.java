package nl.doorstroom.housing.domain;

/**
 * How a municipality housed status holders (III.12.5): a home from the existing stock, an intermediate facility
 * (tussenvoorziening), another temporary facility, or a new flex home.
 */
public enum HousingForm {
    REGULIERE_WONINGVOORRAAD,
    TUSSENVOORZIENING,
    TIJDELIJKE_VOORZIENING,
    FLEXWONING
}
