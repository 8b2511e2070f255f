package nl.doorstroom.platform.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.platform.audit.EventHistory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "commitments", description = "This service's part of the commitment register")
public class CommitmentHistoryController {

    private final CommitmentRegister register;
    private final EventHistory history;

    public CommitmentHistoryController(CommitmentRegister register, EventHistory history) {
        this.register = register;
        this.history = history;
    }

    @GetMapping("/commitments/{ref}/history")
    @Operation(summary = "The events behind a commitment: the date each is about, when it was recorded, who caused it, its trace")
    public List<EventHistory.Entry> history(@PathVariable String ref) {
        register.one(ref);
        return history.of(ref);
    }
}
