package nl.doorstroom.housing.domain;

/**
 * A municipality in the 2023 layout (342), identified by its CBS code GMxxxx. The population is that of
 * 1 January 2022 on 2023 borders, the figure the taakstelling is distributed by. The provincie is derived from
 * the veiligheidsregio (see the reference file's source line).
 */
public record Gemeente(String code, String naam, String veiligheidsregioCode, String veiligheidsregioNaam,
                       String provincieCode, String provincieNaam, long inwoners) {
}
