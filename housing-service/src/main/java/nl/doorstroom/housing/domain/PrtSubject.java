package nl.doorstroom.housing.domain;

/**
 * What a provinciale regietafel records about one municipality's taakstelling: the municipality's plan to house its
 * share was agreed at the PRT (III.12.5, "stemmen die af aan de provinciale regietafels"), or the PRT held a
 * municipality that stays behind to its share (III.6, "gemeenten aan te spreken die achterblijven").
 */
public enum PrtSubject {
    PLAN_AFGESTEMD,
    AANGESPROKEN
}
