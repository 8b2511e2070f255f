package nl.doorstroom.deadline.projection;

import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineEvent;
import nl.doorstroom.platform.projection.Folds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the deadline read model: it stores what {@link DeadlineState#evolve} returns. */
@Component
@ProcessingGroup(DeadlineProjection.PROCESSING_GROUP)
public class DeadlineProjection {

    public static final String PROCESSING_GROUP = "deadline-projection";

    private final DeadlineRecords deadlines;

    public DeadlineProjection(DeadlineRecords deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(DeadlineEvent event) {
        Folds.fold(deadlines, event.ref(), event, DeadlineState::evolve, DeadlineRecord::new);
    }

    @ResetHandler
    void reset() {
        deadlines.deleteAllInBatch();
    }
}
