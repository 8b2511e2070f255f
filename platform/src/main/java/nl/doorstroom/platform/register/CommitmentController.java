package nl.doorstroom.platform.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import nl.doorstroom.contracts.catalogue.CatalogueEntry;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.register.RegisterCommands.ReportCommitmentProgress;
import nl.doorstroom.platform.security.Acting;
import nl.doorstroom.platform.time.BusinessDates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/commitments")
@Tag(name = "commitments", description = "This service's part of the commitment register")
public class CommitmentController {

    private final CommitmentRegister register;
    private final CommandGateway commands;
    private final CommitmentsAsOf asOf;

    public CommitmentController(CommitmentRegister register, CommandGateway commands, CommitmentsAsOf asOf) {
        this.register = register;
        this.commands = commands;
        this.asOf = asOf;
    }

    public record ProgressReport(@NotNull CommitmentStatus status, @Size(max = 2000) String note,
                                 @Size(max = 200) String reportedBy,
                                 @NotNull @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    @GetMapping
    @Operation(summary = "Every commitment this service owns, in the agreement's order; each one's why says what its"
            + " status rests on (REGISTERED, REPORTED or MEASURED) and names the events behind it")
    public List<CommitmentView> all() {
        return register.all();
    }

    @GetMapping("/{ref}")
    @Operation(summary = "One commitment by its article reference, e.g. III.1; as recorded by knownAt (an instant)"
            + " and/or as valid on validAt (a date). Its why says what the status rests on: the registration, the latest"
            + " progress report or the service's measured figure, with the events behind it (eventIdentifier as in"
            + " /commitments/{ref}/history) and, for a figure, what it counts, how many events moved it and the latest"
            + " of them")
    public CommitmentView one(@PathVariable String ref, @RequestParam(required = false) Instant knownAt,
                              @RequestParam(required = false) LocalDate validAt) {
        if (knownAt == null && validAt == null) {
            return register.one(ref);
        }
        register.one(ref);
        return asOf.one(ref, knownAt, validAt);
    }

    @PostMapping("/{ref}/progress")
    @PreAuthorize("@acting.reportsOn(#ref)")
    @Operation(summary = "Report progress on a commitment, dated on the business date it is about",
            description = "Only a party that owes the commitment in the catalogue reports on it (the Rijk, VNG, IPO and the"
                    + " Veiligheidsberaad also for what all parties owe). A dated deliverable is decided by its deadline and a"
                    + " dated number by its figure (docs/status.md): a report on one is 422 naming status.")
    public ResponseEntity<Void> report(@PathVariable String ref, @Valid @RequestBody ProgressReport report) {
        register.one(ref);
        CommitmentCatalogue.load().find(ref).filter(CatalogueEntry::missable).ifPresent(dated -> {
            throw new RuleViolation("status", ref + " is decided " + (dated.decidedByItsFigure()
                    ? "by its figure at its due moment" : "by its deadline: report it met at /api/deadlines/deadlines/" + ref + "/met")
                    + ", not by a progress report");
        });
        String reportedBy = report.reportedBy() != null && !report.reportedBy().isBlank() ? report.reportedBy() : Acting.who();
        commands.sendAndWait(new ReportCommitmentProgress(ref, report.status(), report.note(), reportedBy, report.occurredOn()));
        return ResponseEntity.accepted().build();
    }
}
