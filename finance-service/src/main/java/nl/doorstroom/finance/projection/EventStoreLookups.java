package nl.doorstroom.finance.projection;

import nl.doorstroom.finance.domain.AgreementTable;
import nl.doorstroom.finance.domain.CnoLocationOnRecord;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineRecorded;
import nl.doorstroom.finance.domain.FinanceEvents.CnoLocationNoted;
import nl.doorstroom.finance.domain.KnownBudgetLines;
import nl.doorstroom.finance.domain.KnownCnoLocations;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

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

    /** A line recorded before its event said how it is spent is read as the table file describes it. */
    @Override
    public Optional<LineUse> use(String line) {
        if (!line.matches("[A-Z][A-Z0-9_]{1,63}")) {
            return Optional.empty();
        }
        return events.readEvents(line).asStream()
                .map(m -> m.getPayload())
                .filter(BudgetLineRecorded.class::isInstance)
                .map(p -> (BudgetLineRecorded) p)
                .findFirst()
                .map(e -> e.spentThrough() != null
                        ? new LineUse(e.line(), e.placement(), e.spentThrough(), e.claimCategories())
                        : AgreementTable.agreed().line(e.line())
                                .map(l -> new LineUse(e.line(), e.placement(), l.spentThrough(), l.claimCategories()))
                                .orElse(new LineUse(e.line(), e.placement(), Set.of(), Set.of())));
    }
}
