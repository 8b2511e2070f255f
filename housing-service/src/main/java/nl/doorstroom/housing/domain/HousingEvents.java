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

    /**
     * A municipality handed part of its taakstelling for a period to another (III.5); its corrected taakstelling
     * drops by {@code persons}. {@code withinProvincie}: both lie in one province, as the agreement asks (swaps
     * recorded before 2026-12-07 could cross a border). {@code arrangedBy}: the giving municipality ({@code GM0363})
     * or the province whose regietafel arranged it ({@code PV27}); null in swaps recorded before it was kept, which
     * only the giving municipality could record. {@code agreedBy}: the receiving municipality, when the giving one
     * proposed the swap ({@link TaakstellingSwapProposed}) and it agreed; null when the regietafel arranged it, and in
     * swaps recorded before 2026-12-08, which took effect without the receiver.
     */
    public record TaakstellingSwappedOut(String swapId, String gemeente, String provincie, String period,
                                         String toGemeente, String toProvincie, int persons, String compensation,
                                         boolean withinProvincie, LocalDate occurredOn, String arrangedBy, String agreedBy) {
    }

    /**
     * A municipality proposed to hand part of its taakstelling for a period to another of its province (III.5).
     * Nothing moves yet: the swap takes effect, as {@link TaakstellingSwappedOut} under the same {@code swapId}, when
     * {@code toGemeente} agrees.
     */
    public record TaakstellingSwapProposed(String swapId, String gemeente, String provincie, String period,
                                           String toGemeente, String toProvincie, int persons, String compensation,
                                           LocalDate occurredOn) {
    }

    /**
     * The provinciale regietafel (PRT) of the municipality's province recorded what it agreed with the municipality
     * about a period's taakstelling, or how it held the municipality to it (III.12.5, III.6): see {@link PrtSubject}.
     */
    public record PrtAgreementRecorded(String gemeente, String provincie, String period, PrtSubject subject, String note,
                                       LocalDate occurredOn) {
    }

    /** A municipality took over part of another's taakstelling for a period (III.5); its corrected taakstelling rises. */
    public record TaakstellingSwappedIn(String swapId, String gemeente, String provincie, String period,
                                        String fromGemeente, String fromProvincie, int persons, String compensation,
                                        boolean withinProvincie, LocalDate occurredOn) {
    }

    public record HousingRecorded(String gemeente, String provincie, String period, int persons, HousingForm housingForm,
                                  String zaakId, LocalDate occurredOn) {
    }

    /**
     * The persons housed in a period in one housing form, corrected from {@code from} (what the reports so far added
     * up to when the correction was made) to {@code to}. {@code occurredOn} is the date the corrected count is about;
     * the event store records when the correction was made, so "as known then" still shows the earlier count.
     */
    public record HousingCorrected(String gemeente, String provincie, String period, HousingForm housingForm, int from,
                                   int to, String reason, LocalDate occurredOn) {

        public int change() {
            return to - from;
        }
    }

    public record FlexHomesRealised(String gemeente, String provincie, int homes, boolean centrallyProcured,
                                    LocalDate occurredOn) {
    }

    public record StatushouderLinked(String gemeente, String provincie, String zaakId, LocalDate occurredOn) {
    }

    public record VergunningenVerleend(String week, Map<VergunningType, Integer> counts, LocalDate occurredOn) {
    }
}
