package nl.doorstroom.capacity.domain;

/**
 * One of the 25 safety regions (veiligheidsregio's), the level at which crisisnoodopvang (CNO) is pledged and
 * realised (III.1). Codes VR01–VR25 as in the 2023 layout.
 */
public record Veiligheidsregio(String code, String naam, String provincieCode, String provincieNaam) {
}
