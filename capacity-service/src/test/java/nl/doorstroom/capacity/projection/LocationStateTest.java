package nl.doorstroom.capacity.projection;

import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationCapacityChanged;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationHandedOver;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationOpened;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoOccupancyReported;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaCapacityChanged;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaLocationClosed;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaLocationRegistered;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaOccupancyReported;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaPlacesReassigned;
import nl.doorstroom.capacity.domain.HandOverRecipient;
import nl.doorstroom.platform.register.EventRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static nl.doorstroom.capacity.domain.Doelgroep.ASIELZOEKERS;
import static nl.doorstroom.capacity.domain.Doelgroep.STATUSHOUDERS;
import static org.assertj.core.api.Assertions.assertThat;

class LocationStateTest {

    private static final LocalDate D = LocalDate.of(2022, 9, 1);

    private static LocationState fold(List<Object> events) {
        LocationState state = null;
        for (Object e : events) {
            state = LocationState.evolve(state, e);
        }
        return state;
    }

    @Test
    void a_cno_location_counts_its_latest_capacity_and_occupancy() {
        LocationState s = fold(List.of(
                new CnoLocationOpened("L1", "VR01", "Hal", null, 225, false, D),
                new CnoLocationCapacityChanged("L1", "VR01", 300, D.plusDays(3)),
                new CnoOccupancyReported("L1", "VR01", 280, D.plusDays(4))));
        assertThat(s.placesTotal()).isEqualTo(300);
        assertThat(s.occupiedTotal()).isEqualTo(280);
        assertThat(s.status()).isEqualTo(LocationState.Status.OPEN);
    }

    @Test
    void a_handed_over_location_is_no_longer_open_cno_and_says_to_whom() {
        LocationState s = fold(List.of(
                new CnoLocationOpened("L1", "VR01", "Hal", null, 225, false, D),
                new CnoLocationHandedOver("L1", "VR01", HandOverRecipient.COA, "COA", LocalDate.of(2023, 1, 1))));
        assertThat(s.status()).isEqualTo(LocationState.Status.HANDED_OVER);
        assertThat(s.handedOverTo()).isEqualTo(HandOverRecipient.COA);
        assertThat(s.endedOn()).isEqualTo(LocalDate.of(2023, 1, 1));
    }

    @Test
    void reassigning_coa_places_moves_them_between_groups_and_keeps_the_total() {
        LocationState s = fold(List.of(
                new CoaLocationRegistered("C1", "Budel", Map.of(ASIELZOEKERS, 1000), false, D),
                new CoaPlacesReassigned("C1", ASIELZOEKERS, STATUSHOUDERS, 250, D.plusDays(1))));
        assertThat(s.places()).containsEntry(ASIELZOEKERS, 750).containsEntry(STATUSHOUDERS, 250);
        assertThat(s.placesTotal()).isEqualTo(1000);
    }

    @Test
    void the_events_that_changed_a_coa_locations_open_places_are_kept_and_reassignments_and_occupancy_are_not() {
        List<Object> events = List.of(
                new CoaLocationRegistered("C1", "Budel", Map.of(ASIELZOEKERS, 1000), false, D),
                new CoaPlacesReassigned("C1", ASIELZOEKERS, STATUSHOUDERS, 250, D.plusDays(1)),
                new CoaCapacityChanged("C1", Map.of(ASIELZOEKERS, 750, STATUSHOUDERS, 450), D.plusDays(2)),
                new CoaOccupancyReported("C1", Map.of(ASIELZOEKERS, 700), D.plusDays(3)),
                new CoaLocationClosed("C1", D.plusDays(30)));
        LocationState s = null;
        for (int i = 0; i < events.size(); i++) {
            Object e = events.get(i);
            s = LocationState.evolveNoting(s, e, new EventRef("e" + i, "C1", (long) i, e.getClass().getSimpleName(), null,
                    Instant.parse("2022-09-01T10:00:00Z").plusSeconds(i)));
        }

        assertThat(s.openPlaces()).isZero();
        assertThat(s.openPlacesMovedBy().count()).isEqualTo(3);
        assertThat(s.openPlacesMovedBy().latest()).extracting(EventRef::eventType)
                .containsExactly("CoaLocationClosed", "CoaCapacityChanged", "CoaLocationRegistered");
        assertThat(fold(events).openPlacesMovedBy()).as("a fold without the events' references cannot name them")
                .isNull();
    }

    @Test
    void events_about_something_else_leave_the_state_alone() {
        LocationState s = fold(List.of(new CnoLocationOpened("L1", "VR01", "Hal", null, 225, false, D)));
        assertThat(LocationState.evolve(s, "not an event of ours")).isSameAs(s);
    }
}
