package nl.doorstroom.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.finance.domain.AdvanceScheme;
import nl.doorstroom.finance.domain.FinanceCommands.AmendBudgetAmount;
import nl.doorstroom.finance.domain.Approvals;
import nl.doorstroom.finance.domain.FinanceCommands.PayFromBudgetLine;
import nl.doorstroom.finance.domain.FinanceCommands.PayAdvance;
import nl.doorstroom.finance.domain.FinanceCommands.RejectBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.RejectClaim;
import nl.doorstroom.finance.domain.FinanceCommands.ShiftBudgetAmount;
import nl.doorstroom.finance.domain.FinanceCommands.SubmitBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.SubmitClaim;
import nl.doorstroom.finance.domain.Payments;
import nl.doorstroom.finance.projection.BusinessCaseState;
import nl.doorstroom.finance.projection.ClaimState;
import nl.doorstroom.finance.projection.FinanceQueries;
import nl.doorstroom.finance.projection.FinanceQueries.AdvanceBalance;
import nl.doorstroom.finance.projection.FinanceQueries.AdvanceOverview;
import nl.doorstroom.finance.projection.FinanceQueries.BudgetPosition;
import nl.doorstroom.finance.projection.FinanceQueries.Tally;
import nl.doorstroom.finance.projection.FinancialTable;
import nl.doorstroom.finance.projection.TableQueries;
import nl.doorstroom.finance.web.FinanceRequests.AdvanceRequest;
import nl.doorstroom.finance.web.FinanceRequests.AmendmentRequest;
import nl.doorstroom.finance.web.FinanceRequests.ApprovalRequest;
import nl.doorstroom.finance.web.FinanceRequests.AssessmentRequest;
import nl.doorstroom.finance.web.FinanceRequests.BusinessCaseRequest;
import nl.doorstroom.finance.web.FinanceRequests.ClaimRequest;
import nl.doorstroom.finance.web.FinanceRequests.LinePaymentRequest;
import nl.doorstroom.finance.web.FinanceRequests.PaymentRequest;
import nl.doorstroom.finance.web.FinanceRequests.RejectionRequest;
import nl.doorstroom.finance.web.FinanceRequests.ShiftRequest;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.finance.domain.Claim;
import org.axonframework.commandhandling.gateway.CommandGateway;
import nl.doorstroom.platform.openapi.Created;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Commands go in as POSTs and are accepted once recorded as events; the read models follow within moments.
 * The table is folded from its events on every request, as it stands or as it was known or valid.
 */
@RestController
@Validated
@Tag(name = "finance", description = "The financial table, claims, the € 100 million advance and business cases")
public class FinanceController {

    private final CommandGateway commands;
    private final Payments payments;
    private final Approvals approvals;
    private final TableQueries table;
    private final FinanceQueries queries;
    private final Clock clock;

    public FinanceController(CommandGateway commands, Payments payments, Approvals approvals, TableQueries table,
                             FinanceQueries queries, Clock clock) {
        this.commands = commands;
        this.payments = payments;
        this.approvals = approvals;
        this.table = table;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/table")
    @Operation(summary = "The financial table: lines × years in euros, per-year totals computed; optionally as known at "
            + "an instant (knownAt) or as valid on a date (validAt)")
    public FinancialTable table(@RequestParam(required = false) Instant knownAt,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt) {
        return table.table(knownAt, validAt);
    }

    @PostMapping("/table/lines/{line}/amendments")
    @PreAuthorize("@acting.rijk()")
    @Operation(summary = "A later decision sets a line's amount for a year (recorded as a new event)")
    public ResponseEntity<Void> amend(@PathVariable @Pattern(regexp = FinanceRequests.LINE) String line,
                                      @Valid @RequestBody AmendmentRequest request) {
        commands.sendAndWait(new AmendBudgetAmount(line, request.year(), request.amount(), request.reason(),
                dated(request.occurredOn())));
        return ResponseEntity.accepted().location(URI.create("/table")).build();
    }

    @PostMapping("/table/lines/{line}/shifts")
    @PreAuthorize("@acting.rijk()")
    @Operation(summary = "Part of a line's amount moves from one year to another")
    public ResponseEntity<Void> shift(@PathVariable @Pattern(regexp = FinanceRequests.LINE) String line,
                                      @Valid @RequestBody ShiftRequest request) {
        commands.sendAndWait(new ShiftBudgetAmount(line, request.fromYear(), request.toYear(), request.amount(),
                request.reason(), dated(request.occurredOn())));
        return ResponseEntity.accepted().location(URI.create("/table")).build();
    }

    @PostMapping("/table/lines/{line}/payments")
    @PreAuthorize("@acting.rijk()")
    @Operation(summary = "The Rijk pays from a line that is spent directly (the BDUR, a specific grant, a purchase "
            + "order); beyond the year's budget it is recorded as an overrun, never refused")
    public ResponseEntity<Void> payFromLine(@PathVariable @Pattern(regexp = FinanceRequests.LINE) String line,
                                            @Valid @RequestBody LinePaymentRequest request) {
        LocalDate occurredOn = dated(request.occurredOn());
        commands.sendAndWait(new PayFromBudgetLine(line, "PAY-" + UUID.randomUUID(),
                request.year() != null ? request.year() : occurredOn.getYear(), request.recipient(), request.amount(),
                request.description(), occurredOn));
        return ResponseEntity.accepted().location(URI.create("/budget-positions?line=" + line)).build();
    }

    @GetMapping("/budget-positions")
    @Operation(summary = "Per line and year: budgeted, committed (approved or paid directly), paid, what remains and "
            + "any overrun; optionally of one line")
    public List<BudgetPosition> budgetPositions(@RequestParam(required = false) @Pattern(regexp = FinanceRequests.LINE) String line) {
        return queries.budgetPositions().stream().filter(p -> line == null || p.line().equals(line)).toList();
    }

    @PostMapping("/claims")
    @Created("the claim")
    @PreAuthorize("@acting.as('veiligheidsregio', #request.claimant()) or @acting.as('gemeente', #request.claimant()) or @acting.as('ggd', #request.claimant())")
    @Operation(summary = "A veiligheidsregio or municipality claims CNO costs (III.13, III.1.2), or a GGD its extra "
            + "medical costs (III.1.4)")
    public ResponseEntity<Void> submitClaim(@Valid @RequestBody ClaimRequest request) {
        String id = "DECL-" + UUID.randomUUID();
        commands.sendAndWait(new SubmitClaim(id, request.claimant(), request.category(), request.line(), request.year(),
                request.amount(), request.cnoLocationId(), request.description(), dated(request.occurredOn())));
        return ResponseEntity.created(URI.create("/claims/" + id)).build();
    }

    @PostMapping("/claims/{claimId}/approval")
    @PreAuthorize("@claimDeciders.mayDecide(#claimId)")
    @Operation(summary = "A claim is approved, in full or in part (with the reason)",
            description = "By the Rijk; a GGD's claim (III.1.4) by COA, which reimburses it. So are rejection and payment.")
    public ResponseEntity<Void> approveClaim(@PathVariable @Pattern(regexp = FinanceRequests.CLAIM_ID) String claimId,
                                             @Valid @RequestBody ApprovalRequest request) {
        approvals.approveClaim(claimId, request.approvedAmount(), request.reason(), dated(request.occurredOn()));
        return accepted("/claims/" + claimId);
    }

    @PostMapping("/claims/{claimId}/rejection")
    @PreAuthorize("@claimDeciders.mayDecide(#claimId)")
    @Operation(summary = "A claim is rejected, with the reason")
    public ResponseEntity<Void> rejectClaim(@PathVariable @Pattern(regexp = FinanceRequests.CLAIM_ID) String claimId,
                                            @Valid @RequestBody RejectionRequest request) {
        commands.sendAndWait(new RejectClaim(claimId, request.reason(), dated(request.occurredOn())));
        return accepted("/claims/" + claimId);
    }

    @PostMapping("/claims/{claimId}/payment")
    @PreAuthorize("@claimDeciders.mayDecide(#claimId)")
    @Operation(summary = "An approved claim is paid; the claimant's open advance is settled against it first")
    public ResponseEntity<Void> payClaim(@PathVariable @Pattern(regexp = FinanceRequests.CLAIM_ID) String claimId,
                                         @RequestBody(required = false) PaymentRequest request) {
        payments.payClaim(claimId, dated(request == null ? null : request.occurredOn()));
        return accepted("/claims/" + claimId);
    }

    @GetMapping("/claims")
    @Operation(summary = "Claims, optionally of one veiligheidsregio")
    public List<ClaimState> claims(@RequestParam(required = false) @Pattern(regexp = "^VR(0[1-9]|1[0-9]|2[0-5])$") String veiligheidsregio) {
        return queries.claims(veiligheidsregio);
    }

    @GetMapping("/claims/pipeline")
    @Operation(summary = "Per veiligheidsregio and status: number and amount of claims")
    public Map<String, Map<Claim.Status, Tally>> claimsPipeline() {
        return queries.claimsPipeline();
    }

    @GetMapping("/claims/{claimId}")
    @Operation(summary = "One claim")
    public ClaimState claim(@PathVariable @Pattern(regexp = FinanceRequests.CLAIM_ID) String claimId) {
        return queries.claim(claimId);
    }

    @PostMapping("/advances")
    @PreAuthorize("@acting.rijk()")
    @Operation(summary = "Part of the € 100 million advance (III.14) is paid to a veiligheidsregio or municipality")
    public ResponseEntity<Void> payAdvance(@Valid @RequestBody AdvanceRequest request) {
        commands.sendAndWait(new PayAdvance(AdvanceScheme.ID, request.recipient(), request.amount(),
                dated(request.occurredOn())));
        return accepted("/advances/" + request.recipient());
    }

    @GetMapping("/advances")
    @Operation(summary = "The advance: paid, settled and open, in total and per recipient")
    public AdvanceOverview advances() {
        return queries.advance();
    }

    @GetMapping("/advances/{recipient}")
    @Operation(summary = "One recipient's advance balance")
    public AdvanceBalance advance(@PathVariable @Pattern(regexp = FinanceRequests.RECIPIENT) String recipient) {
        return queries.advanceOf(recipient);
    }

    @PostMapping("/business-cases")
    @Created("the business case")
    @PreAuthorize("@acting.as('gemeente', #request.gemeente())")
    @Operation(summary = "A municipality submits a business case for faster outflow (III.9); the 72 hours start now")
    public ResponseEntity<Void> submitBusinessCase(@Valid @RequestBody BusinessCaseRequest request) {
        String id = "BC-" + UUID.randomUUID();
        commands.sendAndWait(new SubmitBusinessCase(id, request.gemeente(), request.title(), request.amount(),
                clock.instant(), dated(request.occurredOn())));
        return ResponseEntity.created(URI.create("/business-cases/" + id)).build();
    }

    @PostMapping("/business-cases/{businessCaseId}/assessment")
    @PreAuthorize("@acting.rijk()")
    @Operation(summary = "The Rijk assesses a business case: approved (amount, budget line) or rejected (reason)")
    public ResponseEntity<Void> assess(@PathVariable @Pattern(regexp = FinanceRequests.BUSINESS_CASE_ID) String businessCaseId,
                                       @Valid @RequestBody AssessmentRequest request) {
        LocalDate occurredOn = dated(request.occurredOn());
        if (request.outcome() == FinanceRequests.Outcome.APPROVED) {
            if (request.approvedAmount() == null) {
                throw new RuleViolation("approvedAmount", "an approval names the amount approved");
            }
            approvals.approveBusinessCase(businessCaseId, request.approvedAmount(), request.line(), clock.instant(), occurredOn);
        } else {
            commands.sendAndWait(new RejectBusinessCase(businessCaseId, request.reason(), clock.instant(), occurredOn));
        }
        return accepted("/business-cases/" + businessCaseId);
    }

    @PostMapping("/business-cases/{businessCaseId}/payment")
    @PreAuthorize("@acting.rijk()")
    @Operation(summary = "An approved business case is paid; the municipality's open advance is settled against it first")
    public ResponseEntity<Void> payBusinessCase(@PathVariable @Pattern(regexp = FinanceRequests.BUSINESS_CASE_ID) String businessCaseId,
                                                @RequestBody(required = false) PaymentRequest request) {
        payments.payBusinessCase(businessCaseId, dated(request == null ? null : request.occurredOn()));
        return accepted("/business-cases/" + businessCaseId);
    }

    @GetMapping("/business-cases")
    @Operation(summary = "Business cases with their 72-hour assessment")
    public List<BusinessCaseState> businessCases() {
        return queries.businessCases();
    }

    @GetMapping("/business-cases/{businessCaseId}")
    @Operation(summary = "One business case")
    public BusinessCaseState businessCase(@PathVariable @Pattern(regexp = FinanceRequests.BUSINESS_CASE_ID) String businessCaseId) {
        return queries.businessCase(businessCaseId);
    }

    private LocalDate dated(LocalDate occurredOn) {
        return occurredOn != null ? occurredOn : LocalDate.now(clock);
    }

    private static ResponseEntity<Void> accepted(String location) {
        return ResponseEntity.accepted().location(URI.create(location)).build();
    }
}
