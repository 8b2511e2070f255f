package nl.doorstroom.platform.register;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(CommitmentRegisterProjection.PROCESSING_GROUP)
public class CommitmentRegisterProjection {

    public static final String PROCESSING_GROUP = "commitment-register";

    private final CommitmentEntryRepository entries;

    public CommitmentRegisterProjection(CommitmentEntryRepository entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(RegisterEvents.CommitmentRegistered event) {
        fold(event.ref(), event);
    }

    @EventHandler
    void on(RegisterEvents.CommitmentProgressReported event) {
        fold(event.ref(), event);
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    private void fold(String ref, Object event) {
        CommitmentEntry entry = entries.findById(ref).orElse(null);
        CommitmentState next = CommitmentState.evolve(entry == null ? null : entry.state(), event);
        if (entry == null) {
            entries.save(new CommitmentEntry(next));
        } else {
            entry.update(next);
            entries.save(entry);
        }
    }
}
