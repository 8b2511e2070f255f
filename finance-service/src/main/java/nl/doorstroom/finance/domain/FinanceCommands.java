package nl.doorstroom.finance.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What may be asked of finance-service. Every command names the business date it is about. */
public final class FinanceCommands {

    private FinanceCommands() {
    }

    public record RecordBudgetLine(@TargetAggregateIdentifier String line, String title, List<String> articles,
                                   Placement placement, String footnote, Map<Integer, BigDecimal> amounts,
                                   Set<Integer> structural, Integer continuesThrough, BigDecimal continuingAmount,
                                   Set<Spending> spentThrough, Set<ClaimCategory> claimCategories, LocalDate occurredOn) {
    }

    /** The Rijk pays from a line that is spent directly; {@code paymentId} makes a repeated request harmless. */
    public record PayFromBudgetLine(@TargetAggregateIdentifier String line, String paymentId, Integer year,
                                    String recipient, BigDecimal amount, String description, LocalDate occurredOn) {
    }

    /** An approval ({@code chargeId}: the claim or business case) commits part of a line's year. */
    public record ChargeBudgetLine(@TargetAggregateIdentifier String line, int year, String chargeId, BigDecimal amount,
                                   LocalDate occurredOn) {
    }

    public record AmendBudgetAmount(@TargetAggregateIdentifier String line, int year, BigDecimal amount, String reason,
                                    LocalDate occurredOn) {
    }

    public record ShiftBudgetAmount(@TargetAggregateIdentifier String line, int fromYear, int toYear, BigDecimal amount,
                                    String reason, LocalDate occurredOn) {
    }

    /** Capacity-service reported a CNO location; finance notes it so claims can refer to it. */
    public record NoteCnoLocation(@TargetAggregateIdentifier String recordId, String locationId, String veiligheidsregio,
                                  LocalDate occurredOn) {

        public static NoteCnoLocation of(String locationId, String veiligheidsregio, LocalDate occurredOn) {
            return new NoteCnoLocation(CnoLocationOnRecord.recordId(locationId), locationId, veiligheidsregio, occurredOn);
        }
    }

    public record SubmitClaim(@TargetAggregateIdentifier String claimId, String claimant, ClaimCategory category,
                              String line, Integer year, BigDecimal amount, String cnoLocationId, String description,
                              LocalDate occurredOn) {
    }

    public record ApproveClaim(@TargetAggregateIdentifier String claimId, BigDecimal approvedAmount, String reason,
                               LocalDate occurredOn) {
    }

    public record RejectClaim(@TargetAggregateIdentifier String claimId, String reason, LocalDate occurredOn) {
    }

    public record PayClaim(@TargetAggregateIdentifier String claimId, LocalDate occurredOn) {
    }

    public record EstablishAdvanceScheme(@TargetAggregateIdentifier String schemeId, BigDecimal total, LocalDate occurredOn) {
    }

    public record PayAdvance(@TargetAggregateIdentifier String schemeId, String recipient, BigDecimal amount,
                             LocalDate occurredOn) {
    }

    /** Settles up to {@code amount} of the recipient's open advance against a payment made to it. */
    public record SettleAdvance(@TargetAggregateIdentifier String schemeId, String recipient, String settledBy,
                                BigDecimal amount, LocalDate occurredOn) {
    }

    public record SubmitBusinessCase(@TargetAggregateIdentifier String businessCaseId, String gemeente, String title,
                                     BigDecimal amount, Instant submittedAt, LocalDate occurredOn) {
    }

    public record ApproveBusinessCase(@TargetAggregateIdentifier String businessCaseId, BigDecimal approvedAmount,
                                      String line, Instant assessedAt, LocalDate occurredOn) {
    }

    public record RejectBusinessCase(@TargetAggregateIdentifier String businessCaseId, String reason, Instant assessedAt,
                                     LocalDate occurredOn) {
    }

    public record PayBusinessCase(@TargetAggregateIdentifier String businessCaseId, LocalDate occurredOn) {
    }
}
