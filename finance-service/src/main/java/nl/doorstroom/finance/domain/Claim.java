package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.ApproveClaim;
import nl.doorstroom.finance.domain.FinanceCommands.PayClaim;
import nl.doorstroom.finance.domain.FinanceCommands.RejectClaim;
import nl.doorstroom.finance.domain.FinanceCommands.SubmitClaim;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimApproved;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimPaid;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimRejected;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimSubmitted;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cost claim: a veiligheidsregio or municipality claims CNO costs (realisation, operation, closing, staff,
 * security; III.13, III.1.2) for a known CNO location, or a GGD claims its extra medical costs, which COA
 * reimburses (III.1.4). It is approved (in full or in part, with the reason) or rejected, and an approved claim is paid.
 */
@Aggregate(cache = Snapshots.CACHE)
public class Claim {

    public enum Status { SUBMITTED, APPROVED, REJECTED, PAID }

    @AggregateIdentifier
    private String claimId;
    private String claimant;
    private String veiligheidsregio;
    private String line;
    private int year;
    private BigDecimal claimed;
    private BigDecimal approved;
    private Status status;

    protected Claim() {
    }

    @CommandHandler
    public Claim(SubmitClaim command, KnownCnoLocations locations, KnownBudgetLines lines) {
        Claimant claimant = Claimant.parse(command.claimant(), "claimant");
        if (command.category() == null) {
            throw new RuleViolation("category", "a claim names what the costs are for");
        }
        BigDecimal amount = Euros.positive(command.amount(), "amount");
        KnownBudgetLines.LineUse use = command.line() == null ? null : lines.use(command.line()).orElse(null);
        if (use == null) {
            throw new RuleViolation("line", "no budget line " + command.line());
        }
        if (!use.takes(Spending.CLAIM) || !use.claimCategories().contains(command.category())) {
            throw new RuleViolation("line", use.line() + " does not take claims for " + command.category()
                    + (use.takes(Spending.CLAIM) ? "; it takes claims for " + use.claimCategories()
                    : "; it is not spent through claims"));
        }
        int year = command.year() != null ? command.year() : command.occurredOn().getYear();
        if (year < BudgetLine.FIRST_YEAR || year > BudgetLine.LAST_YEAR) {
            throw new RuleViolation("year", "a budget year lies between " + BudgetLine.FIRST_YEAR + " and " + BudgetLine.LAST_YEAR);
        }
        String region = command.category().isCnoCost()
                ? cnoRegion(command, claimant, locations)
                : ggdRegion(command, claimant);
        apply(new ClaimSubmitted(command.claimId(), claimant.code(), region, command.category(), command.line(), year,
                amount, command.cnoLocationId(), command.description(), command.occurredOn()));
    }

    private static String cnoRegion(SubmitClaim command, Claimant claimant, KnownCnoLocations locations) {
        if (claimant.kind() == Claimant.Kind.GGD) {
            throw new RuleViolation("category", "a GGD claims its extra medical costs (MEDISCH), not CNO costs");
        }
        if (command.cnoLocationId() == null || command.cnoLocationId().isBlank()) {
            throw new RuleViolation("cnoLocationId", "a claim for CNO costs names the CNO location");
        }
        String region = locations.veiligheidsregioOf(command.cnoLocationId())
                .orElseThrow(() -> new RuleViolation("cnoLocationId", "no CNO location " + command.cnoLocationId()
                        + " is known from capacity-service"));
        if (claimant.kind() == Claimant.Kind.VEILIGHEIDSREGIO && !claimant.code().equals(region)) {
            throw new RuleViolation("claimant", claimant.code() + " cannot claim for CNO location "
                    + command.cnoLocationId() + " of " + region);
        }
        return region;
    }

    private static String ggdRegion(SubmitClaim command, Claimant claimant) {
        if (claimant.kind() != Claimant.Kind.GGD) {
            throw new RuleViolation("category", "extra medical costs (MEDISCH) are claimed by a GGD");
        }
        if (command.cnoLocationId() != null) {
            throw new RuleViolation("cnoLocationId", "a GGD's medical costs are not claimed per CNO location");
        }
        return claimant.ggdRegion();
    }

    /** Hands back what the approval commits, which is charged to the line in the same transaction. */
    @CommandHandler
    public Charge handle(ApproveClaim command) {
        requireStatus(Status.SUBMITTED, "approvedAmount");
        BigDecimal amount = Euros.positive(command.approvedAmount(), "approvedAmount");
        if (amount.compareTo(claimed) > 0) {
            throw new RuleViolation("approvedAmount", "cannot approve more than the " + claimed.toPlainString() + " claimed");
        }
        boolean partly = amount.compareTo(claimed) < 0;
        if (partly && (command.reason() == null || command.reason().isBlank())) {
            throw new RuleViolation("reason", "a claim approved in part says why");
        }
        apply(new ClaimApproved(claimId, claimant, veiligheidsregio, line, year, claimed, amount, command.reason(),
                command.occurredOn()));
        return new Charge(line, year, claimId, amount);
    }

    @CommandHandler
    public void handle(RejectClaim command) {
        requireStatus(Status.SUBMITTED, "reason");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("reason", "a rejected claim says why");
        }
        apply(new ClaimRejected(claimId, claimant, veiligheidsregio, claimed, command.reason(), command.occurredOn()));
    }

    /** Pays the approved amount; hands back the payment so the recipient's advance can be settled against it. */
    @CommandHandler
    public Payment handle(PayClaim command) {
        requireStatus(Status.APPROVED, "claimId");
        apply(new ClaimPaid(claimId, claimant, veiligheidsregio, line, year, approved, command.occurredOn()));
        return new Payment(claimant, claimId, approved);
    }

    private void requireStatus(Status required, String field) {
        if (status != required) {
            throw new RuleViolation(field, "claim " + claimId + " is " + status.name().toLowerCase()
                    + ", not " + required.name().toLowerCase());
        }
    }

    @EventSourcingHandler
    void on(ClaimSubmitted event) {
        this.claimId = event.claimId();
        this.claimant = event.claimant();
        this.veiligheidsregio = event.veiligheidsregio();
        this.line = event.line();
        this.year = event.year();
        this.claimed = event.amount();
        this.status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ClaimApproved event) {
        this.approved = event.approved();
        this.status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(ClaimRejected event) {
        this.status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(ClaimPaid event) {
        this.status = Status.PAID;
    }
}
