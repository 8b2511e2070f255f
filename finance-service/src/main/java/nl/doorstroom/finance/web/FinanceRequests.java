package nl.doorstroom.finance.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.finance.domain.BudgetLine;
import nl.doorstroom.finance.domain.ClaimCategory;

import nl.doorstroom.platform.time.BusinessDates;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of finance-service. Amounts are euros; a missing {@code occurredOn} means today on the business clock. */
public final class FinanceRequests {

    static final String LINE = "^[A-Z][A-Z0-9_]{1,63}$";
    static final String CLAIM_ID = "^DECL-[A-Za-z0-9-]{1,60}$";
    static final String BUSINESS_CASE_ID = "^BC-[A-Za-z0-9-]{1,60}$";
    static final String RECIPIENT = "^(VR(0[1-9]|1[0-9]|2[0-5])|GM[0-9]{4})$";
    static final String CLAIMANT = "^(VR(0[1-9]|1[0-9]|2[0-5])|GM[0-9]{4}|GGD(0[1-9]|1[0-9]|2[0-5]))$";

    private FinanceRequests() {
    }

    public record AmendmentRequest(@NotNull @Min(2022) @Max(2040) Integer year,
                                   @NotNull BigDecimal amount,
                                   @NotBlank @Size(max = 500) String reason,
                                   @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record ShiftRequest(@NotNull @Min(2022) @Max(2040) Integer fromYear,
                               @NotNull @Min(2022) @Max(2040) Integer toYear,
                               @NotNull BigDecimal amount,
                               @NotBlank @Size(max = 500) String reason,
                               @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record ClaimRequest(@NotNull @Pattern(regexp = CLAIMANT) String claimant,
                               @NotNull ClaimCategory category,
                               @NotNull @Pattern(regexp = LINE) String line,
                               @Min(2022) @Max(2040) Integer year,
                               @NotNull BigDecimal amount,
                               @Pattern(regexp = "^[A-Za-z0-9_.:-]{1,64}$") String cnoLocationId,
                               @Size(max = 1000) String description,
                               @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record ApprovalRequest(@NotNull BigDecimal approvedAmount, @Size(max = 500) String reason, @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record RejectionRequest(@NotBlank @Size(max = 500) String reason, @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record PaymentRequest(@PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    /** {@code year}: the budget year paid from, by default the year of {@code occurredOn}. */
    public record LinePaymentRequest(@Min(2022) @Max(2040) Integer year,
                                     @NotNull @Pattern(regexp = "^(" + BudgetLine.RECIPIENT + ")$") String recipient,
                                     @NotNull BigDecimal amount,
                                     @Size(max = 500) String description,
                                     @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record AdvanceRequest(@NotNull @Pattern(regexp = RECIPIENT) String recipient,
                                 @NotNull BigDecimal amount,
                                 @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record BusinessCaseRequest(@NotNull @Pattern(regexp = "^GM[0-9]{4}$") String gemeente,
                                      @NotBlank @Size(max = 200) String title,
                                      @NotNull BigDecimal amount,
                                      @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public enum Outcome { APPROVED, REJECTED }

    public record AssessmentRequest(@NotNull Outcome outcome,
                                    BigDecimal approvedAmount,
                                    @Pattern(regexp = LINE) String line,
                                    @Size(max = 500) String reason,
                                    @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }
}
