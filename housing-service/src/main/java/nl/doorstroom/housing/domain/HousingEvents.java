package nl.doorstroom.housing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What happened to the housing of status holders. {@code occurredOn} is the business date; Axon records when it was stored. */
public final class HousingEvents {

    private HousingEvents() {
    }

    /**
     * The national taakstelling of a period divided over every municipality, with the inputs an auditor needs to
     * recompute it: the population of each, their total, the reference file and the method.
     */
    public record TaakstellingDistributed(String period, int nationalTotal, long inwonersTotal, String referenceData,
                                          String method, List<GemeenteShare> shares, LocalDate occurredOn) {
    }

    public record GemeenteShare(String gemeente, long inwoners, int share) {
    }

    /** A municipality's taakstelling for a period: its share, the backlog carried in (negative: credit), and their sum. */
    public record TaakstellingAssigned(String gemeente, String provincie, String period, int share, int backlog,
                                       int corrected, LocalDate occurredOn) {
    }

    public record HousingRecorded(String gemeente, String provincie, String period, int persons, HousingForm housingForm,
                                  String zaakId, LocalDate occurredOn) {
    }

    public record FlexHomesRealised(String gemeente, String provincie, int homes, boolean centrallyProcured,
                                    LocalDate occurredOn) {
    }

    public record StatushouderLinked(String gemeente, String provincie, String zaakId, LocalDate occurredOn) {
    }

    public record VergunningenVerleend(String week, Map<VergunningType, Integer> counts, LocalDate occurredOn) {
    }
}
