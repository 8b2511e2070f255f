package nl.doorstroom.capacity.domain;

/**
 * The target group a reception place serves. III.4: places for Ukrainian displaced persons, asylum seekers and
 * status holders can be used flexibly, i.e. reassigned between these groups.
 */
public enum Doelgroep {
    OEKRAIENSE_ONTHEEMDEN,
    ASIELZOEKERS,
    STATUSHOUDERS
}
