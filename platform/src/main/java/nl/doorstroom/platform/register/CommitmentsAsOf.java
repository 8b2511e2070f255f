package nl.doorstroom.platform.register;

import nl.doorstroom.platform.domain.NotFoundException;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentProgressReported;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentRegistered;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A commitment as recorded by {@code knownAt} (events stored by then) and as valid on {@code validAt} (events about
 * that date or earlier), either or both: {@link CommitmentState#evolve}, the register's one fold, over its events.
 * The service's own measured figure is today's, so it is left out of a point-in-time answer; its {@code why} comes from
 * the same fold, so it names the events that answer rests on as the live register names its own.
 */
@Component
@Transactional(readOnly = true)
public class CommitmentsAsOf {

    private final EventStore events;

    public CommitmentsAsOf(EventStore events) {
        this.events = events;
    }

    public CommitmentView one(String ref, Instant knownAt, LocalDate validAt) {
        // from sequence 0: readEvents(id) alone starts at the commitment's snapshot, which a fold cannot read
        CommitmentState state = events.readEvents(ref, 0).asStream()
                .filter(m -> knownAt == null || !m.getTimestamp().isAfter(knownAt))
                .filter(m -> validAt == null || !occurredOn(m.getPayload()).isAfter(validAt))
                .<CommitmentState>reduce(null, (s, m) -> CommitmentState.evolve(s, m.getPayload(), EventRef.of(m)), (a, b) -> b);
        if (state == null) {
            throw new NotFoundException("commitment " + ref + " was not in this service's register then");
        }
        return CommitmentView.of(state, null);
    }

    private static LocalDate occurredOn(Object event) {
        if (event instanceof CommitmentRegistered e) {
            return e.occurredOn();
        }
        if (event instanceof CommitmentProgressReported e) {
            return e.occurredOn();
        }
        return LocalDate.MIN;
    }
}
