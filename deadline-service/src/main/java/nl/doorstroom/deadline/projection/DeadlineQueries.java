package nl.doorstroom.deadline.projection;

import nl.doorstroom.contracts.catalogue.CatalogueEntry;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import nl.doorstroom.deadline.domain.Deadline;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineEvent;
import nl.doorstroom.deadline.domain.DeadlineStatus;
import nl.doorstroom.platform.domain.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the deadline read model, or folds a deadline's events as known and valid at a point in time. */
@Component
@Transactional(readOnly = true)
public class DeadlineQueries {

    private final DeadlineRecords deadlines;
    private final EventStore events;

    public DeadlineQueries(DeadlineRecords deadlines, EventStore events) {
        this.deadlines = deadlines;
        this.events = events;
    }

    /** In order of due moment; with statuses, only those. */
    public List<DeadlineState> all(EnumSet<DeadlineStatus> statuses) {
        var records = statuses == null || statuses.isEmpty()
                ? deadlines.findAllByOrderByDueAtAscRefAsc()
                : deadlines.findByStatusInOrderByDueAtAscRefAsc(statuses);
        return records.stream().map(DeadlineRecord::state).toList();
    }

    public DeadlineState one(String ref) {
        return deadlines.findById(ref).map(DeadlineRecord::state)
                .orElseThrow(() -> new NotFoundException(judgedByItsFigure(ref)
                        ? ref + " is a number to reach, judged on its figure at its due moment by the register, not a"
                        + " deadline: GET /api/commitments/" + ref
                        : "no deadline " + ref));
    }

    /** A dated target has no deadline of its own: its register judges its figure at the due moment. */
    private static boolean judgedByItsFigure(String ref) {
        return CommitmentCatalogue.load().find(ref).filter(CatalogueEntry::decidedByItsFigure).isPresent();
    }

    /**
     * A deadline as recorded by {@code knownAt} (events stored by then) and as valid on {@code validAt} (events whose
     * {@code occurredOn} is that date or earlier), either or both; without them, the live read model. The point-in-time
     * answer is {@link DeadlineState#evolve}, the projection's fold, over the deadline's events.
     */
    public DeadlineState one(String ref, Instant knownAt, LocalDate validAt) {
        if (knownAt == null && validAt == null) {
            return one(ref);
        }
        // from sequence 0: readEvents(id) alone starts at the deadline's snapshot, which a fold cannot read
        DeadlineState state = events.readEvents(Deadline.idOf(ref), 0).asStream()
                .filter(m -> knownAt == null || !m.getTimestamp().isAfter(knownAt))
                .<Object>map(DomainEventMessage::getPayload)
                .filter(e -> validAt == null || !((DeadlineEvent) e).occurredOn().isAfter(validAt))
                .reduce(null, DeadlineState::evolve, (a, b) -> b);
        if (state == null) {
            throw new NotFoundException("deadline " + ref + " was not set then");
        }
        return state;
    }

    /** How many deadlines each owner party has in each status; a deadline owed jointly counts for each of its parties. */
    public Map<String, Map<DeadlineStatus, Long>> countsPerParty() {
        Map<String, Map<DeadlineStatus, Long>> counts = new TreeMap<>();
        for (DeadlineRecord record : deadlines.findAll()) {
            DeadlineState state = record.state();
            for (String party : state.owedBy()) {
                counts.computeIfAbsent(party, p -> new TreeMap<>()).merge(state.status(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
