package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.CnoLocationOnRecord;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineRecorded;
import nl.doorstroom.finance.domain.FinanceEvents.CnoLocationNoted;
import nl.doorstroom.finance.domain.KnownBudgetLines;
import nl.doorstroom.finance.domain.KnownCnoLocations;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers the domain's look-ups from the event store itself, inside the command's transaction: a claim checked
 * against a location or line is never checked against a read model that lags behind.
 */
@Component
public class EventStoreLookups implements KnownCnoLocations, KnownBudgetLines {

    private final EventStore events;

    public EventStoreLookups(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<String> veiligheidsregioOf(String locationId) {
        return events.readEvents(CnoLocationOnRecord.recordId(locationId)).asStream()
                .map(m -> m.getPayload())
                .filter(CnoLocationNoted.class::isInstance)
                .map(p -> ((CnoLocationNoted) p).veiligheidsregio())
                .findFirst();
    }

    @Override
    public boolean exists(String line) {
        return line.matches("[A-Z][A-Z0-9_]{1,63}") && events.readEvents(line).asStream()
                .anyMatch(m -> m.getPayload() instanceof BudgetLineRecorded);
    }
}
