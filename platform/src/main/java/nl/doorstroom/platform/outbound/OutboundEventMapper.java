package nl.doorstroom.platform.outbound;

import java.util.List;
import java.util.Optional;

/**
 * Translates a service's internal domain events into its published contract, so either can change without
 * the other. Events a mapper does not know are not published by it.
 */
public interface OutboundEventMapper {

    Optional<PublishedEvent> toContract(Object domainEvent);

    /**
     * Every published form of the event, in the order they are sent: more than one while a contract's older version
     * is still published beside its newer one.
     */
    default List<PublishedEvent> toContracts(Object domainEvent) {
        return toContract(domainEvent).stream().toList();
    }
}
