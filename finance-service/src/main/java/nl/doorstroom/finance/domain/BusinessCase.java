package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.ApproveBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.PayBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.RejectBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.SubmitBusinessCase;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseApproved;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCasePaid;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseRejected;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseSubmitted;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A municipality's business case for faster outflow of status holders (III.9). The Rijk assesses it within
 * 72 hours of submission (the deadline service watches that) and pays quickly once approved.
 */
@Aggregate(cache = Snapshots.CACHE)
public class BusinessCase {

    public enum Status { SUBMITTED, APPROVED, REJECTED, PAID }

    @AggregateIdentifier
    private String businessCaseId;
    private String gemeente;
    private BigDecimal requested;
    private BigDecimal approved;
    private String line;
    private int year;
    private Instant submittedAt;
    private Status status;

    protected BusinessCase() {
    }

    @CommandHandler
    public BusinessCase(SubmitBusinessCase command) {
        if (command.gemeente() == null || !command.gemeente().matches("GM[0-9]{4}")) {
            throw new RuleViolation("gemeente", "a business case is submitted by a municipality (GM0000): " + command.gemeente());
        }
        if (command.title() == null || command.title().isBlank()) {
            throw new RuleViolation("title", "a business case has a title");
        }
        apply(new BusinessCaseSubmitted(command.businessCaseId(), command.gemeente(), command.title(),
                Euros.positive(command.amount(), "amount"), command.submittedAt(), command.occurredOn()));
    }

    /** Hands back what the approval commits, which is charged to the line in the same transaction. */
    @CommandHandler
    public Charge handle(ApproveBusinessCase command, KnownBudgetLines lines) {
        requireStatus(Status.SUBMITTED, "outcome");
        BigDecimal amount = Euros.positive(command.approvedAmount(), "approvedAmount");
        if (amount.compareTo(requested) > 0) {
            throw new RuleViolation("approvedAmount", "cannot approve more than the " + requested.toPlainString() + " requested");
        }
        KnownBudgetLines.LineUse use = command.line() == null ? null : lines.use(command.line()).orElse(null);
        if (use == null) {
            throw new RuleViolation("line", "no budget line " + command.line());
        }
        if (!use.takes(Spending.BUSINESS_CASE)) {
            throw new RuleViolation("line", use.line() + " is not spent through business cases");
        }
        requireAfterSubmission(command.assessedAt());
        int year = command.occurredOn().getYear();
        apply(new BusinessCaseApproved(businessCaseId, gemeente, requested, amount, command.line(), year, submittedAt,
                command.assessedAt(), command.occurredOn()));
        return new Charge(command.line(), year, businessCaseId, amount);
    }

    @CommandHandler
    public void handle(RejectBusinessCase command) {
        requireStatus(Status.SUBMITTED, "outcome");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("reason", "a rejected business case says why");
        }
        requireAfterSubmission(command.assessedAt());
        apply(new BusinessCaseRejected(businessCaseId, gemeente, requested, command.reason(), submittedAt,
                command.assessedAt(), command.occurredOn()));
    }

    @CommandHandler
    public Payment handle(PayBusinessCase command) {
        requireStatus(Status.APPROVED, "businessCaseId");
        apply(new BusinessCasePaid(businessCaseId, gemeente, line, year, approved, command.occurredOn()));
        return new Payment(gemeente, businessCaseId, approved);
    }

    private void requireAfterSubmission(Instant assessedAt) {
        if (assessedAt.isBefore(submittedAt)) {
            throw new RuleViolation("assessedAt", "a business case cannot be assessed before it was submitted");
        }
    }

    private void requireStatus(Status required, String field) {
        if (status != required) {
            throw new RuleViolation(field, "business case " + businessCaseId + " is " + status.name().toLowerCase()
                    + ", not " + required.name().toLowerCase());
        }
    }

    @EventSourcingHandler
    void on(BusinessCaseSubmitted event) {
        this.businessCaseId = event.businessCaseId();
        this.gemeente = event.gemeente();
        this.requested = event.amount();
        this.submittedAt = event.submittedAt();
        this.status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(BusinessCaseApproved event) {
        this.approved = event.approved();
        this.line = event.line();
        this.year = event.year();
        this.status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(BusinessCaseRejected event) {
        this.status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(BusinessCasePaid event) {
        this.status = Status.PAID;
    }
}
