package nl.doorstroom.platform.outbound;

import java.util.Optional;

/**
 * Translates a service's internal domain events into its published contract, so either can change without
 * the other. Events a mapper does not know are not published by it.
 */
public interface OutboundEventMapper {

    Optional<PublishedEvent> toContract(Object domainEvent);
}
