package nl.doorstroom.housing.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Map;

/** What may be asked of housing-service. Every command names the business date it is about. */
public final class HousingCommands {

    private HousingCommands() {
    }

    /** The Rijk sets the national taakstelling for a half year (III.12.2), to be distributed by population. */
    public record SetTaakstelling(@TargetAggregateIdentifier String period, int nationalTotal, LocalDate occurredOn) {
    }

    /** A municipality's share of a distributed taakstelling; it adds the backlog or credit of its previous period. */
    public record AssignTaakstelling(@TargetAggregateIdentifier String gemeente, String period, int share, LocalDate occurredOn) {
    }

    /** Persons housed by a municipality, counted for a period; {@code zaakId} is COA's pseudonymous case id, if known. */
    public record RecordHousing(@TargetAggregateIdentifier String gemeente, String period, int persons, HousingForm housingForm,
                                String zaakId, LocalDate occurredOn) {
    }

    /**
     * Flex homes a municipality made available (II.2: 37,500 by the end of 2024); {@code centrallyProcured} when they
     * are among the 2,000 flex units the Rijksvastgoedbedrijf procures (II.5).
     */
    public record RecordFlexHomes(@TargetAggregateIdentifier String gemeente, int homes, boolean centrallyProcured,
                                  LocalDate occurredOn) {
    }

    /**
     * Two municipalities of one province swap tasks for a period (III.5): {@code toGemeente} houses {@code persons}
     * more vergunninghouders, {@code fromGemeente} as many fewer, in exchange for what {@code compensation} names
     * (e.g. "200 CNO-plaatsen"). {@code arrangedBy} is the giving municipality, which knows what it still has to
     * house and proposes the swap to the receiver, or the province whose regietafel arranged it with both.
     */
    public record SwapTaakstelling(String period, @TargetAggregateIdentifier String fromGemeente, String toGemeente,
                                   int persons, String compensation, LocalDate occurredOn, String arrangedBy) {
    }

    /** What a {@link SwapTaakstelling} recorded: the swap's id, and whether it is in effect or waits for the receiver. */
    public record SwapOutcome(String swapId, boolean inEffect) {
    }

    /** The receiving municipality {@code toGemeente} agrees to the swap {@code fromGemeente} proposed to it (III.5). */
    public record AgreeToSwap(@TargetAggregateIdentifier String fromGemeente, String swapId, String toGemeente,
                              LocalDate occurredOn) {
    }

    /** The PRT of the municipality's province records an agreement with it, or its regie, about a period (III.12.5, III.6). */
    public record RecordPrtAgreement(@TargetAggregateIdentifier String gemeente, String period, String provincie,
                                     PrtSubject subject, String note, LocalDate occurredOn) {
    }

    /** The receiving side of a swap the giving municipality recorded; sent by {@link TaakstellingSwap} only. */
    public record ReceiveSwappedTaakstelling(@TargetAggregateIdentifier String toGemeente, String swapId, String period,
                                             String fromGemeente, int persons, String compensation, LocalDate occurredOn) {
    }

    /**
     * A municipality corrects what it reported housed in a period for one housing form: {@code persons} is the right
     * count. The earlier reports stay; the correction is a new event that supersedes their sum.
     */
    public record CorrectHousing(@TargetAggregateIdentifier String gemeente, String period, HousingForm housingForm,
                                 int persons, String reason, LocalDate occurredOn) {
    }

    /** COA linked a status holder (vergunninghouder) to a municipality that is to house them. */
    public record LinkStatushouder(@TargetAggregateIdentifier String gemeente, String zaakId, LocalDate occurredOn) {
    }

    /** IND's count of permits granted in an ISO week ({@code 2022-W35}); a later report for the week replaces it. */
    public record RecordVergunningen(@TargetAggregateIdentifier String week, Map<VergunningType, Integer> counts,
                                     LocalDate occurredOn) {
    }
}
