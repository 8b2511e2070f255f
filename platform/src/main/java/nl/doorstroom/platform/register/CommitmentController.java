package nl.doorstroom.platform.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.doorstroom.platform.register.RegisterCommands.ReportCommitmentProgress;
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
                                 @Size(max = 200) String reportedBy, @NotNull LocalDate occurredOn) {
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
    @PreAuthorize("@acting.rijk()")
    @Operation(summary = "Report progress on a commitment, dated on the business date it is about")
    public ResponseEntity<Void> report(@PathVariable String ref, @Valid @RequestBody ProgressReport report) {
        register.one(ref);
        commands.sendAndWait(new ReportCommitmentProgress(ref, report.status(), report.note(), report.reportedBy(), report.occurredOn()));
        return ResponseEntity.accepted().build();
    }
}
