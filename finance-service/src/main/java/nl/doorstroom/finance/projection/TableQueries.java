package nl.doorstroom.finance.projection;

import jakarta.persistence.EntityManager;
import nl.doorstroom.finance.domain.FinanceEvents.Dated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The financial table folded straight from the budget lines' events: as it stands, as it was known at an instant
 * (only events recorded by then) and as it was valid on a date (only events about that date or earlier). The live
 * answer and the point-in-time answer are the same fold over a filtered stream.
 */
@Component
@Transactional(readOnly = true)
public class TableQueries {

    private final EventStore events;
    private final EntityManager entityManager;

    public TableQueries(EventStore events, EntityManager entityManager) {
        this.events = events;
        this.entityManager = entityManager;
    }

    public FinancialTable table(Instant knownAt, LocalDate validAt) {
        List<BudgetLineState> states = lineIdsInRecordingOrder().stream()
                .map(line -> events.readEvents(line).asStream()
                        .filter(m -> knownAt == null || !m.getTimestamp().isAfter(knownAt))
                        .filter(m -> validAt == null || !occurredOn(m).isAfter(validAt))
                        .map(DomainEventMessage::getPayload)
                        .reduce(null, BudgetLineState::evolve, (a, b) -> b))
                .filter(Objects::nonNull)
                .toList();
        return FinancialTable.of(states, knownAt, validAt);
    }

    @SuppressWarnings("unchecked")
    private List<String> lineIdsInRecordingOrder() {
        return entityManager.createNativeQuery("""
                        select aggregate_identifier from domain_event_entry
                        where type = 'BudgetLine' and sequence_number = 0 order by global_index""")
                .getResultList();
    }

    private static LocalDate occurredOn(DomainEventMessage<?> message) {
        return ((Dated) message.getPayload()).occurredOn();
    }
}
