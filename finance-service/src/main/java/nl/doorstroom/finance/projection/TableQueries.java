package nl.doorstroom.finance.projection;

import jakarta.persistence.EntityManager;
import nl.doorstroom.finance.domain.FinanceEvents.Dated;
import nl.doorstroom.platform.register.EventRef;
import nl.doorstroom.platform.register.FigureEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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

    /** A figure of the table as it stands, and the budget-line events that moved it. */
    public record TableFigure(BigDecimal value, FigureEvents movedBy) {
    }

    /**
     * {@code figure} of the table as it stands, with the events that moved it: an event moved it when the figure of
     * its line's table alone differs after it. That is exact for the figures asked of the table (its grand total, a
     * line's amounts), which add up over its lines. One pass over the events, the same fold as {@link #table}.
     */
    public TableFigure figure(Function<FinancialTable, BigDecimal> figure) {
        List<BudgetLineState> states = new ArrayList<>();
        List<FigureEvents> movedBy = new ArrayList<>();
        for (String line : lineIdsInRecordingOrder()) {
            BudgetLineState state = null;
            BigDecimal before = lineFigure(figure, null);
            FigureEvents moved = FigureEvents.NONE;
            for (DomainEventMessage<?> m : events.readEvents(line).asStream().toList()) {
                state = BudgetLineState.evolve(state, m.getPayload());
                BigDecimal after = lineFigure(figure, state);
                moved = FigureEvents.after(moved, after.compareTo(before) != 0, EventRef.of(m));
                before = after;
            }
            if (state != null) {
                states.add(state);
            }
            movedBy.add(moved);
        }
        return new TableFigure(figure.apply(FinancialTable.of(states, null, null)), FigureEvents.merge(movedBy));
    }

    private static BigDecimal lineFigure(Function<FinancialTable, BigDecimal> figure, BudgetLineState line) {
        return figure.apply(FinancialTable.of(line == null ? List.of() : List.of(line), null, null));
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
