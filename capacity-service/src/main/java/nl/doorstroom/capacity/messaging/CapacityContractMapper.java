package nl.doorstroom.capacity.messaging;

import nl.doorstroom.capacity.domain.CapacityEvents;
import nl.doorstroom.capacity.domain.Doelgroep;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.platform.outbound.OutboundEventMapper;
import nl.doorstroom.platform.outbound.PublishedEvent;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Capacity's domain events in the published contract, version 1. */
@Component
public class CapacityContractMapper implements OutboundEventMapper {

    @Override
    public Optional<PublishedEvent> toContract(Object event) {
        Record contract = contractOf(event);
        return Optional.ofNullable(contract).map(c -> new PublishedEvent(CapacityEventsV1.type(c.getClass()), c));
    }

    private static Record contractOf(Object event) {
        if (event instanceof CapacityEvents.CnoPlacesPledged e) {
            return new CapacityEventsV1.CnoPlacesPledged(e.veiligheidsregio(), e.tranche(), e.places(), e.occurredOn());
        }
        if (event instanceof CapacityEvents.CnoLocationOpened e) {
            return new CapacityEventsV1.CnoLocationOpened(e.locationId(), e.veiligheidsregio(), e.name(), e.gemeente(),
                    e.places(), e.belowNormalStandard(), e.occurredOn());
        }
        if (event instanceof CapacityEvents.CnoLocationCapacityChanged e) {
            return new CapacityEventsV1.CnoLocationCapacityChanged(e.locationId(), e.veiligheidsregio(), e.places(), e.occurredOn());
        }
        if (event instanceof CapacityEvents.CnoOccupancyReported e) {
            return new CapacityEventsV1.CnoLocationOccupancyReported(e.locationId(), e.veiligheidsregio(), e.occupied(), e.occurredOn());
        }
        if (event instanceof CapacityEvents.CnoLocationClosed e) {
            return new CapacityEventsV1.CnoLocationClosed(e.locationId(), e.veiligheidsregio(), e.occurredOn());
        }
        if (event instanceof CapacityEvents.CnoLocationHandedOver e) {
            return new CapacityEventsV1.CnoLocationHandedOver(e.locationId(), e.veiligheidsregio(), e.to().name(), e.recipient(),
                    e.occurredOn());
        }
        if (event instanceof CapacityEvents.CoaLocationRegistered e) {
            return new CapacityEventsV1.CoaLocationOpened(e.locationId(), e.name(), byName(e.places()), e.belowNormalStandard(),
                    e.occurredOn());
        }
        if (event instanceof CapacityEvents.CoaCapacityChanged e) {
            return new CapacityEventsV1.CoaLocationCapacityChanged(e.locationId(), byName(e.places()), e.occurredOn());
        }
        if (event instanceof CapacityEvents.CoaPlacesReassigned e) {
            return new CapacityEventsV1.CoaPlacesReassigned(e.locationId(), e.from().name(), e.to().name(), e.places(), e.occurredOn());
        }
        if (event instanceof CapacityEvents.CoaOccupancyReported e) {
            return new CapacityEventsV1.CoaOccupancyReported(e.locationId(), byName(e.occupied()), e.occurredOn());
        }
        if (event instanceof CapacityEvents.CoaLocationClosed e) {
            return new CapacityEventsV1.CoaLocationClosed(e.locationId(), e.occurredOn());
        }
        return null;
    }

    private static Map<String, Integer> byName(Map<Doelgroep, Integer> counts) {
        Map<String, Integer> named = new TreeMap<>();
        counts.forEach((group, n) -> named.put(group.name(), n));
        return named;
    }
}
