package nl.doorstroom.housing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.housing.domain.HousingForm;
import nl.doorstroom.housing.domain.Period;
import nl.doorstroom.housing.domain.PrtSubject;

import nl.doorstroom.platform.time.BusinessDates;

import java.time.LocalDate;

/** Request bodies of housing-service. A missing {@code occurredOn} means today on the business clock. */
public final class HousingRequests {

    static final String GM_CODE = "^GM[0-9]{4}$";
    static final String PV_CODE = "^PV[0-9]{2}$";
    static final String PERIOD = Period.FORMAT;
    // a swap's id: the period, the giving municipality and its number there (2022-H2:GM0344:1)
    static final String SWAP_ID = "^20[0-9]{2}-H[12]:GM[0-9]{4}:[1-9][0-9]{0,5}$";

    private HousingRequests() {
    }

    public record TaakstellingRequest(@Schema(example = "13500") @NotNull @Min(1) @Max(1_000_000) Integer nationalTotal,
                                      @Schema(example = "2022-08-26") @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record FlexHomesRequest(@NotNull @Min(1) @Max(10_000) Integer homes, boolean centrallyProcured,
                                   @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    /**
     * What the province's regietafel records about a municipality's taakstelling for a period: its plan agreed at the
     * PRT (III.12.5) or the municipality held to its share (III.6), with what was agreed or said.
     */
    public record PrtAgreementRequest(@Schema(example = "PLAN_AFGESTEMD") @NotNull PrtSubject subject,
                                      @Schema(example = "Plan 2022-H2 besproken aan de PRT: 400 in de bestaande voorraad, 293 in flexwoningen")
                                      @NotBlank @Size(max = 2000) String note,
                                      @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    /** A swap of taakstelling (III.5): {@code toGemeente} houses {@code persons} of {@code fromGemeente}'s, for {@code compensation}. */
    public record SwapRequest(@NotNull @Pattern(regexp = GM_CODE) String fromGemeente,
                              @NotNull @Pattern(regexp = GM_CODE) String toGemeente,
                              @NotNull @Min(1) @Max(10_000) Integer persons,
                              @NotBlank @Size(max = 200) String compensation,
                              @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    /** The receiving municipality agrees to a swap proposed to it, named by the id the proposal answered. */
    public record SwapAgreementRequest(@Schema(example = "2022-H2:GM0344:1") @NotNull @Pattern(regexp = SWAP_ID) String swapId,
                                       @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    /** The answer to a swap: its id, and whether it waits for the receiving municipality or took effect. */
    public record SwapAnswer(String swapId, SwapStatus status) {
    }

    public enum SwapStatus { PROPOSED, AGREED }

    /**
     * The right count of persons housed in {@code period} in one housing form, superseding what was reported;
     * {@code occurredOn} is the date the count is about (without it, the period's last day).
     */
    public record HousingCorrectionRequest(@NotNull @Pattern(regexp = PERIOD) String period,
                                           @NotNull HousingForm housingForm,
                                           @NotNull @Min(0) @Max(10_000) Integer persons,
                                           @NotBlank @Size(max = 500) String reason,
                                           @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    /** Without a period, the housing counts for the half year its date falls in. */
    public record HousingRequest(@Schema(example = "12") @NotNull @Min(1) @Max(10_000) Integer persons,
                                 @NotNull HousingForm housingForm,
                                 @Pattern(regexp = PERIOD) String period,
                                 @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }
}
