package nl.doorstroom.platform.register;

import nl.doorstroom.platform.projection.Folds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
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
    void on(RegisterEvents.CommitmentRegistered event, EventMessage<?> message) {
        fold(event.ref(), event, EventRef.of(message));
    }

    @EventHandler
    void on(RegisterEvents.CommitmentProgressReported event, EventMessage<?> message) {
        fold(event.ref(), event, EventRef.of(message));
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    private void fold(String ref, Object event, EventRef at) {
        Folds.fold(entries, ref, event, (state, e) -> CommitmentState.evolve(state, e, at), CommitmentEntry::new);
    }
}
