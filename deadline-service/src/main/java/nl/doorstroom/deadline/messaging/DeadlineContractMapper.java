package nl.doorstroom.deadline.messaging;

import nl.doorstroom.contracts.deadline.DeadlineEventsV1;
import nl.doorstroom.deadline.domain.Deadline;
import nl.doorstroom.deadline.domain.DeadlineEvents;
import nl.doorstroom.platform.outbound.OutboundEventMapper;
import nl.doorstroom.platform.outbound.PublishedEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The deadline's domain events in the published contract, version 1; a late meeting is a DeadlineMet with late=true. */
@Component
public class DeadlineContractMapper implements OutboundEventMapper {

    @Override
    public Optional<PublishedEvent> toContract(Object event) {
        Record contract = contractOf(event);
        return Optional.ofNullable(contract).map(c -> new PublishedEvent(DeadlineEventsV1.type(c.getClass()), c));
    }

    private static Record contractOf(Object event) {
        if (event instanceof DeadlineEvents.DeadlineMissed e) {
            return new DeadlineEventsV1.DeadlineMissed(e.ref(), e.article(), e.title(), e.owedBy(), e.dueOn(), e.dueAt(),
                    e.occurredOn());
        }
        if (event instanceof DeadlineEvents.DeadlineMet e) {
            return new DeadlineEventsV1.DeadlineMet(e.ref(), Deadline.articleOf(e.ref()), e.evidence(), false, e.occurredOn());
        }
        if (event instanceof DeadlineEvents.DeadlineMetLate e) {
            return new DeadlineEventsV1.DeadlineMet(e.ref(), Deadline.articleOf(e.ref()), e.evidence(), true, e.occurredOn());
        }
        if (event instanceof DeadlineEvents.DeadlineExtended e) {
            return new DeadlineEventsV1.DeadlineExtended(e.ref(), Deadline.articleOf(e.ref()), e.previousDueOn(), e.newDueOn(),
                    e.newDueAt(), e.reason(), e.occurredOn());
        }
        return null;
    }
}
