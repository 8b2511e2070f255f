package nl.doorstroom.deadline.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.deadline.domain.BusinessTime;
import nl.doorstroom.deadline.domain.DeadlineCommands.ExtendDeadline;
import nl.doorstroom.deadline.domain.DeadlineCommands.MeetDeadline;
import nl.doorstroom.deadline.domain.DeadlineStatus;
import nl.doorstroom.deadline.projection.DeadlineQueries;
import nl.doorstroom.deadline.projection.DeadlineState;
import nl.doorstroom.deadline.web.DeadlineRequests.ExtensionRequest;
import nl.doorstroom.deadline.web.DeadlineRequests.MetRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * Deadlines by ref. A ref is an article ({@code III.2.1}) or an article and what it is about ({@code III.9/BC-1},
 * {@code III.2.4/2023-01-01}); the path carries it as it is, one or two segments: {@code /deadlines/III.9/BC-1/met}.
 * Commands are accepted once recorded as events (202); the read model follows within moments.
 */
@RestController
@Validated
@RequestMapping("/deadlines")
@Tag(name = "deadlines", description = "Every dated commitment: open, met, missed (late) or extended, on business time")
public class DeadlineController {

    private final CommandGateway commands;
    private final DeadlineQueries queries;
    private final BusinessTime time;

    public DeadlineController(CommandGateway commands, DeadlineQueries queries, BusinessTime time) {
        this.commands = commands;
        this.queries = queries;
        this.time = time;
    }

    @GetMapping
    @Operation(summary = "Every deadline in order of due moment; state=open|extended|met|missed|late filters")
    public List<DeadlineState> all(@RequestParam(required = false)
                                   @Pattern(regexp = "(?i)open|extended|met|missed|late") String state) {
        return queries.all(state == null ? EnumSet.noneOf(DeadlineStatus.class) : EnumSet.of(DeadlineStatus.valueOf(state.toUpperCase())));
    }

    @GetMapping("/{article}")
    @Operation(summary = "One deadline of an article, e.g. III.2.1; as recorded by knownAt (an instant) and/or as valid"
            + " on validAt (a date, against the occurredOn of its events)")
    public DeadlineState one(@PathVariable @Pattern(regexp = DeadlineRequests.ARTICLE) String article,
                             @RequestParam(required = false) Instant knownAt,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt) {
        return queries.one(article, knownAt, validAt);
    }

    @GetMapping("/{article}/{qualifier}")
    @Operation(summary = "One deadline under an article, e.g. III.9/BC-1 or III.2.4/2023-01-01; as recorded by knownAt"
            + " (an instant) and/or as valid on validAt (a date, against the occurredOn of its events)")
    public DeadlineState one(@PathVariable @Pattern(regexp = DeadlineRequests.ARTICLE) String article,
                             @PathVariable @Pattern(regexp = DeadlineRequests.QUALIFIER) String qualifier,
                             @RequestParam(required = false) Instant knownAt,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt) {
        return queries.one(article + "/" + qualifier, knownAt, validAt);
    }

    @PostMapping("/{article}/met")
    @PreAuthorize("@acting.reportsOn(#article)")
    @Operation(summary = "The deadline is met, with evidence; after its due moment it shows as late",
            description = "Reported by a party that owes the article in the catalogue (docs/status.md, who reports what).")
    public ResponseEntity<Void> met(@PathVariable @Pattern(regexp = DeadlineRequests.ARTICLE) String article,
                                    @Valid @RequestBody MetRequest request) {
        return meet(article, request);
    }

    @PostMapping("/{article}/{qualifier}/met")
    @PreAuthorize("@acting.reportsOn(#article)")
    @Operation(summary = "The deadline is met, with evidence; after its due moment it shows as late",
            description = "Reported by a party that owes the article in the catalogue (docs/status.md, who reports what).")
    public ResponseEntity<Void> met(@PathVariable @Pattern(regexp = DeadlineRequests.ARTICLE) String article,
                                    @PathVariable @Pattern(regexp = DeadlineRequests.QUALIFIER) String qualifier,
                                    @Valid @RequestBody MetRequest request) {
        return meet(article + "/" + qualifier, request);
    }

    @PostMapping("/{article}/extensions")
    @PreAuthorize("@acting.reportsOn(#article)")
    @Operation(summary = "The deadline moves to a later date, for a reason; the earlier dates stay in its history",
            description = "Recorded by a party that owes the article in the catalogue; a miss before it stays in the status.")
    public ResponseEntity<Void> extend(@PathVariable @Pattern(regexp = DeadlineRequests.ARTICLE) String article,
                                       @Valid @RequestBody ExtensionRequest request) {
        return extension(article, request);
    }

    @PostMapping("/{article}/{qualifier}/extensions")
    @PreAuthorize("@acting.reportsOn(#article)")
    @Operation(summary = "The deadline moves to a later date, for a reason; the earlier dates stay in its history",
            description = "Recorded by a party that owes the article in the catalogue; a miss before it stays in the status.")
    public ResponseEntity<Void> extend(@PathVariable @Pattern(regexp = DeadlineRequests.ARTICLE) String article,
                                       @PathVariable @Pattern(regexp = DeadlineRequests.QUALIFIER) String qualifier,
                                       @Valid @RequestBody ExtensionRequest request) {
        return extension(article + "/" + qualifier, request);
    }

    private ResponseEntity<Void> meet(String ref, MetRequest request) {
        commands.sendAndWait(new MeetDeadline(ref, request.evidence().strip(),
                request.occurredOn() != null ? request.occurredOn() : time.today(), null));
        return ResponseEntity.accepted().location(URI.create("/deadlines/" + ref)).build();
    }

    private ResponseEntity<Void> extension(String ref, ExtensionRequest request) {
        commands.sendAndWait(new ExtendDeadline(ref, request.newDue(), request.reason()));
        return ResponseEntity.accepted().location(URI.create("/deadlines/" + ref)).build();
    }
}
