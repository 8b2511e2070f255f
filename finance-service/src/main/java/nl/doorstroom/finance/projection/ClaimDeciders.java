package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.FinanceEvents.ClaimSubmitted;
import nl.doorstroom.platform.security.Acting;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Who decides and pays a claim: COA a GGD's extra medical costs of CNO residents, since COA reimburses them (III.1.4);
 * the Rijk every other claim. The claimant is read from the claim's own events, not a read model that may lag.
 */
@Component("claimDeciders")
public class ClaimDeciders {

    private final EventStore events;
    private final Acting acting;

    public ClaimDeciders(EventStore events, Acting acting) {
        this.events = events;
        this.acting = acting;
    }

    /** An unknown claim is left to the Rijk, whose command then answers 404 for it. */
    public boolean mayDecide(String claimId) {
        // from sequence 0: readEvents(id) alone starts at the claim's snapshot, which holds no ClaimSubmitted
        boolean ggd = events.readEvents(claimId, 0).asStream()
                .map(m -> m.getPayload())
                .filter(ClaimSubmitted.class::isInstance)
                .map(p -> ((ClaimSubmitted) p).claimant())
                .findFirst()
                .map(claimant -> claimant.startsWith("GGD"))
                .orElse(false);
        return acting.has(ggd ? "coa" : "rijk");
    }
}
