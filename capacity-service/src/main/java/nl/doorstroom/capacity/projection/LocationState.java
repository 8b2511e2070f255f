package nl.doorstroom.capacity.projection;

import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationCapacityChanged;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationClosed;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationHandedOver;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationOpened;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoOccupancyReported;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaCapacityChanged;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaLocationClosed;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaLocationRegistered;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaOccupancyReported;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaPlacesReassigned;
import nl.doorstroom.capacity.domain.Doelgroep;
import nl.doorstroom.capacity.domain.HandOverRecipient;
import nl.doorstroom.platform.register.EventRef;
import nl.doorstroom.platform.register.FigureEvents;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A CNO or COA location as its events left it. CNO places serve asylum seekers; COA places are kept per
 * target group. {@link #evolve} is the one fold for the live view, a point-in-time answer and a rebuild. The
 * projection stores {@link #evolveNoting}: that fold, also keeping in {@code openPlacesMovedBy} the events that
 * changed the location's {@link #openPlaces}, which the register names behind a measured figure (INL.1). It is null,
 * not known, in a fold without the events' references and in a row stored before it was kept, until a rebuild.
 */
public record LocationState(String locationId, Kind kind, String veiligheidsregio, String name, String gemeente,
                            Map<Doelgroep, Integer> places, Map<Doelgroep, Integer> occupied, Status status,
                            boolean belowNormalStandard, LocalDate openedOn, LocalDate endedOn,
                            HandOverRecipient handedOverTo, String recipient, LocalDate occupancyOn,
                            FigureEvents openPlacesMovedBy) {

    public enum Kind { CNO, COA }

    public enum Status { OPEN, CLOSED, HANDED_OVER }

    public int placesTotal() {
        return places.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The places this location adds to the open places of its kind: all of them while open, none after. */
    public int openPlaces() {
        return status == Status.OPEN ? placesTotal() : 0;
    }

    public int occupiedTotal() {
        return occupied.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The location id an event is about, or null when the event is not about a location. */
    public static String locationOf(Object event) {
        if (event instanceof CnoLocationOpened e) return e.locationId();
        if (event instanceof CnoLocationCapacityChanged e) return e.locationId();
        if (event instanceof CnoOccupancyReported e) return e.locationId();
        if (event instanceof CnoLocationClosed e) return e.locationId();
        if (event instanceof CnoLocationHandedOver e) return e.locationId();
        if (event instanceof CoaLocationRegistered e) return e.locationId();
        if (event instanceof CoaCapacityChanged e) return e.locationId();
        if (event instanceof CoaPlacesReassigned e) return e.locationId();
        if (event instanceof CoaOccupancyReported e) return e.locationId();
        if (event instanceof CoaLocationClosed e) return e.locationId();
        return null;
    }

    /** {@link #evolve(LocationState, Object)}, noting {@code at} when the event changed the open places. */
    public static LocationState evolveNoting(LocationState s, Object event, EventRef at) {
        LocationState next = evolve(s, event);
        if (next == null) {
            return null;
        }
        int before = s == null ? 0 : s.openPlaces();
        return next.movedBy(FigureEvents.after(s == null ? FigureEvents.NONE : s.openPlacesMovedBy(),
                before != next.openPlaces(), at));
    }

    public static LocationState evolve(LocationState s, Object event) {
        if (event instanceof CnoLocationOpened e) {
            return new LocationState(e.locationId(), Kind.CNO, e.veiligheidsregio(), e.name(), e.gemeente(),
                    Map.of(Doelgroep.ASIELZOEKERS, e.places()), Map.of(), Status.OPEN, e.belowNormalStandard(),
                    e.occurredOn(), null, null, null, null, null);
        }
        if (event instanceof CoaLocationRegistered e) {
            return new LocationState(e.locationId(), Kind.COA, null, e.name(), null, Map.copyOf(e.places()), Map.of(),
                    Status.OPEN, e.belowNormalStandard(), e.occurredOn(), null, null, null, null, null);
        }
        if (s == null) {
            return null;
        }
        if (event instanceof CnoLocationCapacityChanged e) {
            return s.withPlaces(Map.of(Doelgroep.ASIELZOEKERS, e.places()));
        }
        if (event instanceof CoaCapacityChanged e) {
            return s.withPlaces(Map.copyOf(e.places()));
        }
        if (event instanceof CoaPlacesReassigned e) {
            Map<Doelgroep, Integer> places = new EnumMap<>(Doelgroep.class);
            places.putAll(s.places());
            places.merge(e.from(), -e.places(), Integer::sum);
            places.merge(e.to(), e.places(), Integer::sum);
            return s.withPlaces(Map.copyOf(places));
        }
        if (event instanceof CnoOccupancyReported e) {
            return s.withOccupancy(Map.of(Doelgroep.ASIELZOEKERS, e.occupied()), e.occurredOn());
        }
        if (event instanceof CoaOccupancyReported e) {
            return s.withOccupancy(Map.copyOf(e.occupied()), e.occurredOn());
        }
        if (event instanceof CnoLocationClosed e) {
            return s.ended(Status.CLOSED, e.occurredOn(), null, null);
        }
        if (event instanceof CoaLocationClosed e) {
            return s.ended(Status.CLOSED, e.occurredOn(), null, null);
        }
        if (event instanceof CnoLocationHandedOver e) {
            return s.ended(Status.HANDED_OVER, e.occurredOn(), e.to(), e.recipient());
        }
        return s;
    }

    private LocationState withPlaces(Map<Doelgroep, Integer> newPlaces) {
        return new LocationState(locationId, kind, veiligheidsregio, name, gemeente, newPlaces, occupied, status,
                belowNormalStandard, openedOn, endedOn, handedOverTo, recipient, occupancyOn, openPlacesMovedBy);
    }

    private LocationState withOccupancy(Map<Doelgroep, Integer> newOccupied, LocalDate on) {
        return new LocationState(locationId, kind, veiligheidsregio, name, gemeente, places, newOccupied, status,
                belowNormalStandard, openedOn, endedOn, handedOverTo, recipient, on, openPlacesMovedBy);
    }

    private LocationState ended(Status newStatus, LocalDate on, HandOverRecipient to, String toWhom) {
        return new LocationState(locationId, kind, veiligheidsregio, name, gemeente, places, occupied, newStatus,
                belowNormalStandard, openedOn, on, to, toWhom, occupancyOn, openPlacesMovedBy);
    }

    private LocationState movedBy(FigureEvents events) {
        return new LocationState(locationId, kind, veiligheidsregio, name, gemeente, places, occupied, status,
                belowNormalStandard, openedOn, endedOn, handedOverTo, recipient, occupancyOn, events);
    }
}
