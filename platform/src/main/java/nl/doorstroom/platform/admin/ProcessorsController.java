package nl.doorstroom.platform.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Operators' view of the event processors; under {@code /admin/**}, which only administrators may reach. */
@RestController
@RequestMapping("/admin/processors")
@Tag(name = "admin", description = "Event processors: position, lag, replay, parked events")
public class ProcessorsController {

    private final Processors processors;

    public ProcessorsController(Processors processors) {
        this.processors = processors;
    }

    @GetMapping
    @Operation(summary = "Each event processor: position, lag in events, and during a replay its progress and rate")
    public List<ProcessorStatus> all() {
        return processors.all();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One event processor")
    public ProcessorStatus one(@PathVariable String name) {
        return processors.one(name);
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(summary = "The events this processor parked: each with its aggregate and the cause; later events of the"
            + " same aggregate wait behind the first")
    public List<Processors.ParkedEvent> deadLetters(@PathVariable String name) {
        return processors.deadLetters(name);
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Handle the parked events again (after a fix); a sequence that fails again stays parked with"
            + " its new cause")
    public Processors.DeadLetterRetry retryDeadLetters(@PathVariable String name) {
        return processors.retryDeadLetters(name);
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Reset a projection and rebuild it from the event store, asked of any instance of the service"
            + " (the others let go of its segments); 409 for processors that must not replay, for a replay already being"
            + " started, and when the other instances do not let go within 45 s")
    public ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        return ResponseEntity.accepted().location(URI.create("/admin/processors/" + name)).body(processors.replay(name));
    }
}
