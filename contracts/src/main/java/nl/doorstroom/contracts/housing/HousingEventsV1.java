package nl.doorstroom.contracts.housing;

import java.time.LocalDate;
import java.util.List;

/**
 * The events housing-service publishes on {@code doorstroom.housing.events}, version 1.
 * Each record is the {@code data} of a CloudEvent whose {@code type} is {@link #TYPE_PREFIX} + the record name
 * + {@code .v1}; its JSON Schema lies in {@code contracts/published/}. No personal data and no case ids leave
 * the service: counts per municipality only. Periods are half years such as {@code 2022-H2}.
 */
public final class HousingEventsV1 {

    public static final String TOPIC = "doorstroom.housing.events";
    public static final String TYPE_PREFIX = "nl.doorstroom.housing.";

    private HousingEventsV1() {
    }

    public static String type(Class<? extends Record> contract) {
        return TYPE_PREFIX + contract.getSimpleName() + ".v1";
    }

    /** The national taakstelling of a period and every municipality's share, with the inputs to recompute them. */
    public record TaakstellingDistributed(String period, int nationalTotal, long inwonersTotal, String referenceData,
                                          String method, List<Share> shares, LocalDate occurredOn) {
    }

    public record Share(String gemeente, long inwoners, int share) {
    }

    /** A municipality's taakstelling for a period: share, backlog carried in (negative: credit) and their sum. */
    public record TaakstellingAssigned(String gemeente, String provincie, String period, int share, int backlog,
                                       int corrected, LocalDate occurredOn) {
    }

    /**
     * Two municipalities swapped part of a period's taakstelling (III.5): {@code toGemeente}'s corrected taakstelling
     * rises by {@code persons}, {@code fromGemeente}'s drops as much, in exchange for {@code compensation} (e.g. CNO
     * places). Published once, by the giving municipality. {@code withinProvincie}: the preferred case.
     */
    public record TaakstellingSwapped(String swapId, String period, String fromGemeente, String fromProvincie,
                                      String toGemeente, String toProvincie, int persons, String compensation,
                                      boolean withinProvincie, LocalDate occurredOn) {
    }

    /** Flex homes the municipality made available (II.2); {@code centrallyProcured}: among the 2,000 units of II.5. */
    public record FlexHomesRealised(String gemeente, String provincie, int homes, boolean centrallyProcured,
                                    LocalDate occurredOn) {
    }

    /** COA linked a vergunninghouder to the municipality; the reception outflow it announces. */
    public record StatushouderLinked(String gemeente, String provincie, LocalDate occurredOn) {
    }

    /** Persons housed by the municipality, counted for the period, in the given housing form. */
    public record StatushoudersHoused(String gemeente, String provincie, String period, int persons, String housingForm,
                                      LocalDate occurredOn) {
    }

    /**
     * The persons counted housed for the period in one housing form were {@code from} (the sum of its
     * {@link StatushoudersHoused} so far) and are {@code to}: add {@code to - from}. It supersedes the earlier count;
     * {@code occurredOn} is the date the corrected count is about.
     */
    public record StatushoudersHousingCorrected(String gemeente, String provincie, String period, String housingForm,
                                                int from, int to, String reason, LocalDate occurredOn) {
    }
}
