package nl.doorstroom.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened to the agreement's money. {@code occurredOn} is the business date; Axon records when it was stored.
 * Amounts are euros with cents.
 */
public final class FinanceEvents {

    private FinanceEvents() {
    }

    /** Every finance event names the business date it is about. */
    public interface Dated {
        LocalDate occurredOn();
    }

    /**
     * A line of the financial table as agreed: its amount per year ("-" is no entry), its marks, and how it is spent.
     * {@code spentThrough} and {@code claimCategories} are null in lines recorded before they were kept; those are
     * read from the table file ({@link AgreementTable#line}).
     */
    public record BudgetLineRecorded(String line, String title, List<String> articles, Placement placement,
                                     String footnote, Map<Integer, BigDecimal> amounts, Set<Integer> structural,
                                     Integer continuesThrough, BigDecimal continuingAmount, Set<Spending> spentThrough,
                                     Set<ClaimCategory> claimCategories, LocalDate occurredOn) implements Dated {
    }

    /**
     * The Rijk paid from a line directly (an uitkering, a specific grant, a purchase order). It is committed and paid
     * at once; {@code committed} is the line's commitments in that year after it.
     */
    public record BudgetLinePaymentMade(String line, int year, String paymentId, String recipient, BigDecimal amount,
                                        String description, BigDecimal committed, LocalDate occurredOn) implements Dated {
    }

    /** An approved claim or business case ({@code chargeId}) commits part of a line's year; {@code committed} is the total after it. */
    public record BudgetLineCharged(String line, int year, String chargeId, BigDecimal amount, BigDecimal committed,
                                    LocalDate occurredOn) implements Dated {
    }

    /**
     * A line's commitments in a year exceed its budget: recorded, never refused, for the ministry to decide on (an
     * amendment or a shift that covers it). {@code cause} is the payment, charge or amendment that took it over.
     */
    public record BudgetOverrunRecorded(String line, int year, BigDecimal budget, BigDecimal committed, BigDecimal overrun,
                                        String cause, LocalDate occurredOn) implements Dated {
    }

    /** A later decision sets a year of a line to a new amount; {@code previous} is null where the cell was empty. */
    public record BudgetAmountAmended(String line, int year, BigDecimal previous, BigDecimal amount, String reason,
                                      LocalDate occurredOn) implements Dated {
    }

    /** Part of a year's amount moves to another year (a changed cash rhythm, footnote 4). */
    public record BudgetAmountShifted(String line, int fromYear, int toYear, BigDecimal amount, String reason,
                                      LocalDate occurredOn) implements Dated {
    }

    public record CnoLocationNoted(String recordId, String locationId, String veiligheidsregio, LocalDate occurredOn) implements Dated {
    }

    public record ClaimSubmitted(String claimId, String claimant, String veiligheidsregio, ClaimCategory category,
                                 String line, int year, BigDecimal amount, String cnoLocationId, String description,
                                 LocalDate occurredOn) implements Dated {
    }

    /** Approved in full, or in part ({@code approved} below {@code claimed}, with the reason). */
    public record ClaimApproved(String claimId, String claimant, String veiligheidsregio, String line, int year,
                                BigDecimal claimed, BigDecimal approved, String reason, LocalDate occurredOn) implements Dated {

        public boolean partly() {
            return approved.compareTo(claimed) < 0;
        }
    }

    public record ClaimRejected(String claimId, String claimant, String veiligheidsregio, BigDecimal claimed,
                                String reason, LocalDate occurredOn) implements Dated {
    }

    public record ClaimPaid(String claimId, String claimant, String veiligheidsregio, String line, int year,
                            BigDecimal amount, LocalDate occurredOn) implements Dated {
    }

    public record AdvanceSchemeEstablished(String schemeId, BigDecimal total, LocalDate occurredOn) implements Dated {
    }

    public record AdvancePaid(String schemeId, String recipient, BigDecimal amount, LocalDate occurredOn) implements Dated {
    }

    /** A payment to the recipient settled against its open advance; {@code open} is what remains open after it. */
    public record AdvanceSettled(String schemeId, String recipient, String settledBy, BigDecimal amount, BigDecimal open,
                                 LocalDate occurredOn) implements Dated {
    }

    public record BusinessCaseSubmitted(String businessCaseId, String gemeente, String title, BigDecimal amount,
                                        Instant submittedAt, LocalDate occurredOn) implements Dated {
    }

    public record BusinessCaseApproved(String businessCaseId, String gemeente, BigDecimal requested, BigDecimal approved,
                                       String line, int year, Instant submittedAt, Instant assessedAt, LocalDate occurredOn) implements Dated {
    }

    public record BusinessCaseRejected(String businessCaseId, String gemeente, BigDecimal requested, String reason,
                                       Instant submittedAt, Instant assessedAt, LocalDate occurredOn) implements Dated {
    }

    public record BusinessCasePaid(String businessCaseId, String gemeente, String line, int year, BigDecimal amount,
                                   LocalDate occurredOn) implements Dated {
    }
}
