package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.NoteCnoLocation;
import nl.doorstroom.finance.domain.FinanceEvents.CnoLocationNoted;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A CNO location as finance-service knows it from capacity-service's events: enough to check that a CNO claim
 * names a real location of the claimant's region. Its id is prefixed, as every aggregate shares one id space.
 */
@Aggregate(cache = Snapshots.CACHE)
public class CnoLocationOnRecord {

    private static final String PREFIX = "cno-locatie:";

    @AggregateIdentifier
    private String recordId;

    protected CnoLocationOnRecord() {
    }

    public static String recordId(String locationId) {
        return PREFIX + locationId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(NoteCnoLocation command) {
        if (recordId == null) {
            apply(new CnoLocationNoted(command.recordId(), command.locationId(), command.veiligheidsregio(), command.occurredOn()));
        }
    }

    @EventSourcingHandler
    void on(CnoLocationNoted event) {
        this.recordId = event.recordId();
    }
}
