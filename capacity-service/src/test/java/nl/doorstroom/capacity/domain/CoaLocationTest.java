package nl.doorstroom.capacity.domain;

import nl.doorstroom.capacity.domain.CapacityCommands.ReassignCoaPlaces;
import nl.doorstroom.capacity.domain.CapacityCommands.RegisterCoaLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.ReportCoaOccupancy;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaLocationClosed;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaLocationRegistered;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaOccupancyReported;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaPlacesReassigned;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.capacity.domain.CapacityEvents.CoaCapacityChanged;
import nl.doorstroom.testsupport.SnapshotRoundTrip;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.doorstroom.capacity.domain.Doelgroep.ASIELZOEKERS;
import static nl.doorstroom.capacity.domain.Doelgroep.OEKRAIENSE_ONTHEEMDEN;
import static nl.doorstroom.capacity.domain.Doelgroep.STATUSHOUDERS;

class CoaLocationTest {

    private static final LocalDate AUG_26 = LocalDate.of(2022, 8, 26);
    private static final CoaLocationRegistered TER_APEL =
            new CoaLocationRegistered("COA-TER-APEL", "Ter Apel", Map.of(ASIELZOEKERS, 2000), false, AUG_26);

    private AggregateTestFixture<CoaLocation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CoaLocation.class);
    }

    @Test
    void coa_reports_a_location_with_places_per_target_group() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCoaLocation("COA-TER-APEL", "Ter Apel", Map.of(ASIELZOEKERS, 2000), false, AUG_26))
                .expectEvents(TER_APEL);
    }

    @Test
    void a_second_locatie_geopend_for_an_open_location_is_a_rule_violation_naming_the_location() {
        fixture.given(TER_APEL)
                .when(new RegisterCoaLocation("COA-TER-APEL", "Ter Apel", Map.of(ASIELZOEKERS, 1000), false, AUG_26))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("COA location COA-TER-APEL is already open; a second LocatieGeopend is not taken");
    }

    @Test
    void places_can_be_used_flexibly_between_target_groups() {
        fixture.given(TER_APEL)
                .when(new ReassignCoaPlaces("COA-TER-APEL", ASIELZOEKERS, STATUSHOUDERS, 300, AUG_26))
                .expectEvents(new CoaPlacesReassigned("COA-TER-APEL", ASIELZOEKERS, STATUSHOUDERS, 300, AUG_26));
    }

    @Test
    void no_more_places_are_reassigned_than_the_group_has() {
        fixture.given(TER_APEL)
                .when(new ReassignCoaPlaces("COA-TER-APEL", OEKRAIENSE_ONTHEEMDEN, ASIELZOEKERS, 1, AUG_26))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void occupancy_above_capacity_is_recorded_as_reported() {
        // Ter Apel held far more people than its places in August 2022; the record must show it, not refuse it.
        fixture.given(TER_APEL)
                .when(new ReportCoaOccupancy("COA-TER-APEL", Map.of(ASIELZOEKERS, 2600), AUG_26))
                .expectEvents(new CoaOccupancyReported("COA-TER-APEL", Map.of(ASIELZOEKERS, 2600), AUG_26));
    }

    @Test
    void a_closed_location_reports_nothing_more() {
        fixture.given(TER_APEL, new CoaLocationClosed("COA-TER-APEL", AUG_26.plusYears(1)))
                .when(new ReportCoaOccupancy("COA-TER-APEL", Map.of(ASIELZOEKERS, 1), AUG_26.plusYears(1)))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_location_loaded_from_its_snapshot_knows_its_places_per_target_group_after_a_year_of_reports() {
        List<Object> history = new ArrayList<>(List.of(TER_APEL,
                new CoaCapacityChanged("COA-TER-APEL", Map.of(ASIELZOEKERS, 1800, STATUSHOUDERS, 200), AUG_26.plusDays(1)),
                new CoaPlacesReassigned("COA-TER-APEL", ASIELZOEKERS, OEKRAIENSE_ONTHEEMDEN, 300, AUG_26.plusDays(2))));
        for (int day = 3; day < 365; day++) {
            history.add(new CoaOccupancyReported("COA-TER-APEL", Map.of(ASIELZOEKERS, 1400 + day, STATUSHOUDERS, 150),
                    AUG_26.plusDays(day)));
        }
        CoaLocation loaded = SnapshotRoundTrip.afterSnapshot(CoaLocation.class, "COA-TER-APEL", history.toArray());
        fixture.givenState(() -> loaded)
                .when(new ReassignCoaPlaces("COA-TER-APEL", ASIELZOEKERS, STATUSHOUDERS, 1501, AUG_26.plusDays(365)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("location COA-TER-APEL has 1500 places for ASIELZOEKERS, cannot reassign 1501");
        new AggregateTestFixture<>(CoaLocation.class).givenState(() -> loaded)
                .when(new ReassignCoaPlaces("COA-TER-APEL", OEKRAIENSE_ONTHEEMDEN, STATUSHOUDERS, 300, AUG_26.plusDays(365)))
                .expectEvents(new CoaPlacesReassigned("COA-TER-APEL", OEKRAIENSE_ONTHEEMDEN, STATUSHOUDERS, 300, AUG_26.plusDays(365)));

        history.add(new CoaLocationClosed("COA-TER-APEL", AUG_26.plusDays(366)));
        CoaLocation closed = SnapshotRoundTrip.afterSnapshot(CoaLocation.class, "COA-TER-APEL", history.toArray());
        new AggregateTestFixture<>(CoaLocation.class).givenState(() -> closed)
                .when(new RegisterCoaLocation("COA-TER-APEL", "Ter Apel", Map.of(ASIELZOEKERS, 1000), false, AUG_26.plusDays(367)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("COA location COA-TER-APEL is already registered and closed; a second LocatieGeopend is not taken");
    }
}
