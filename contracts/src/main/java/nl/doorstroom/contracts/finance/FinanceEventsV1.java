package nl.doorstroom.contracts.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The events finance-service publishes on {@code doorstroom.finance.events}, version 1.
 * Each record is the {@code data} of a CloudEvent whose {@code type} is {@link #TYPE_PREFIX} + the record name
 * + {@code .v1}; its JSON Schema lies in {@code contracts/published/}. Amounts are euros as exact decimals.
 */
public final class FinanceEventsV1 {

    public static final String TOPIC = "doorstroom.finance.events";
    public static final String TYPE_PREFIX = "nl.doorstroom.finance.";

    private FinanceEventsV1() {
    }

    public static String type(Class<? extends Record> contract) {
        return TYPE_PREFIX + contract.getSimpleName() + ".v1";
    }

    /** III.9: a municipality's business case for faster outflow; it must be assessed within 72 hours of {@code submittedAt}. */
    public record BusinessCaseSubmitted(String businessCaseId, String gemeente, String title, BigDecimal amount,
                                        Instant submittedAt, LocalDate occurredOn) {
    }

    /** III.9: the assessment; {@code outcome} is APPROVED or REJECTED. */
    public record BusinessCaseAssessed(String businessCaseId, String gemeente, String outcome, BigDecimal approvedAmount,
                                       Instant assessedAt, LocalDate occurredOn) {
    }

    /** III.9: an approved business case paid. */
    public record BusinessCasePaid(String businessCaseId, String gemeente, BigDecimal amount, LocalDate occurredOn) {
    }

    /**
     * A cost claim: CNO costs of a veiligheidsregio or municipality (III.13, III.1.2) or a GGD's extra medical costs
     * (III.1.4, reimbursed by COA). The claimant's free-text description is not published.
     */
    public record ClaimSubmitted(String claimId, String claimant, String veiligheidsregio, String category, String line,
                                 int year, BigDecimal amount, String cnoLocationId, LocalDate occurredOn) {
    }

    /** {@code outcome} is APPROVED, PARTLY_APPROVED (with the reason) or REJECTED (approved 0, with the reason). */
    public record ClaimDecided(String claimId, String claimant, String veiligheidsregio, String outcome, BigDecimal claimed,
                               BigDecimal approved, String reason, LocalDate occurredOn) {
    }

    public record ClaimPaid(String claimId, String claimant, String veiligheidsregio, String line, int year,
                            BigDecimal amount, LocalDate occurredOn) {
    }

    /** III.14: part of the € 100 million advance paid to a veiligheidsregio or municipality. */
    public record AdvancePaid(String recipient, BigDecimal amount, LocalDate occurredOn) {
    }

    /** A payment to the recipient settled against its open advance; {@code open} is what remains open. */
    public record AdvanceSettled(String recipient, String settledBy, BigDecimal amount, BigDecimal open, LocalDate occurredOn) {
    }
}
