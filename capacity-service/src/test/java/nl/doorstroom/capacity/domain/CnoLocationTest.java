package nl.doorstroom.capacity.domain;

import nl.doorstroom.capacity.domain.CapacityCommands.ChangeCnoCapacity;
import nl.doorstroom.capacity.domain.CapacityCommands.CloseCnoLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.HandOverCnoLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.OpenCnoLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.ReportCnoOccupancy;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationCapacityChanged;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationClosed;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationHandedOver;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoLocationOpened;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoOccupancyReported;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.testsupport.SnapshotRoundTrip;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

class CnoLocationTest {

    private static final LocalDate SEPT_1 = LocalDate.of(2022, 9, 1);
    private static final LocalDate JAN_1_2023 = LocalDate.of(2023, 1, 1);
    private static final CnoLocationOpened OPENED =
            new CnoLocationOpened("CNO-ZUIDLAREN", "VR01", "Sporthal Zuidlaren", "GM1730", 225, false, SEPT_1);

    private AggregateTestFixture<CnoLocation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CnoLocation.class);
    }

    @Test
    void a_veiligheidsregio_opens_a_cno_location_with_225_places() {
        fixture.givenNoPriorActivity()
                .when(new OpenCnoLocation("CNO-ZUIDLAREN", "VR01", "Sporthal Zuidlaren", "GM1730", 225, false, SEPT_1))
                .expectEvents(OPENED);
    }

    @Test
    void a_location_below_normal_standard_is_recorded_as_such() {
        fixture.givenNoPriorActivity()
                .when(new OpenCnoLocation("CNO-TENT", "VR01", "Paviljoen", null, 150, true, SEPT_1))
                .expectEvents(new CnoLocationOpened("CNO-TENT", "VR01", "Paviljoen", null, 150, true, SEPT_1));
    }

    @Test
    void a_location_outside_the_25_regions_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCnoLocation("CNO-X", "VR99", "X", null, 10, false, SEPT_1))
                .expectException(RuleViolation.class);
    }

    @Test
    void an_open_location_changes_capacity_and_reports_occupancy() {
        fixture.given(OPENED)
                .when(new ChangeCnoCapacity("CNO-ZUIDLAREN", 300, SEPT_1.plusDays(7)))
                .expectEvents(new CnoLocationCapacityChanged("CNO-ZUIDLAREN", "VR01", 300, SEPT_1.plusDays(7)));
        fixture.given(OPENED)
                .when(new ReportCnoOccupancy("CNO-ZUIDLAREN", 210, SEPT_1.plusDays(7)))
                .expectEvents(new CnoOccupancyReported("CNO-ZUIDLAREN", "VR01", 210, SEPT_1.plusDays(7)));
    }

    @Test
    void the_wind_down_closes_a_location_or_hands_it_over() {
        fixture.given(OPENED)
                .when(new CloseCnoLocation("CNO-ZUIDLAREN", JAN_1_2023))
                .expectEvents(new CnoLocationClosed("CNO-ZUIDLAREN", "VR01", JAN_1_2023));
        fixture.given(OPENED)
                .when(new HandOverCnoLocation("CNO-ZUIDLAREN", HandOverRecipient.COA, "COA", JAN_1_2023))
                .expectEvents(new CnoLocationHandedOver("CNO-ZUIDLAREN", "VR01", HandOverRecipient.COA, "COA", JAN_1_2023));
    }

    @Test
    void a_closed_location_takes_no_more_changes() {
        fixture.given(OPENED, new CnoLocationClosed("CNO-ZUIDLAREN", "VR01", JAN_1_2023))
                .when(new ChangeCnoCapacity("CNO-ZUIDLAREN", 100, JAN_1_2023.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(OPENED, new CnoLocationHandedOver("CNO-ZUIDLAREN", "VR01", HandOverRecipient.GEMEENTE, "Tynaarlo", JAN_1_2023))
                .when(new CloseCnoLocation("CNO-ZUIDLAREN", JAN_1_2023.plusDays(1)))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_location_loaded_from_its_snapshot_after_300_daily_reports_decides_as_one_loaded_from_its_events() {
        List<Object> history = new ArrayList<>(List.of(OPENED));
        for (int day = 0; day < 300; day++) {
            history.add(new CnoOccupancyReported("CNO-ZUIDLAREN", "VR01", 150 + day % 50, SEPT_1.plusDays(day)));
        }
        CnoLocation open = SnapshotRoundTrip.afterSnapshot(CnoLocation.class, "CNO-ZUIDLAREN", history.toArray());
        fixture.givenState(() -> open)
                .when(new ChangeCnoCapacity("CNO-ZUIDLAREN", 300, JAN_1_2023))
                .expectEvents(new CnoLocationCapacityChanged("CNO-ZUIDLAREN", "VR01", 300, JAN_1_2023));

        history.add(new CnoLocationClosed("CNO-ZUIDLAREN", "VR01", JAN_1_2023));
        CnoLocation closed = SnapshotRoundTrip.afterSnapshot(CnoLocation.class, "CNO-ZUIDLAREN", history.toArray());
        new AggregateTestFixture<>(CnoLocation.class).givenState(() -> closed)
                .when(new ReportCnoOccupancy("CNO-ZUIDLAREN", 120, JAN_1_2023.plusDays(1)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("CNO location CNO-ZUIDLAREN is closed");
    }
}
