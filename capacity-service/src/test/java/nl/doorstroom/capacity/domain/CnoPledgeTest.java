package nl.doorstroom.capacity.domain;

import nl.doorstroom.capacity.domain.CapacityCommands.PledgeCnoPlaces;
import nl.doorstroom.capacity.domain.CapacityEvents.CnoPlacesPledged;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class CnoPledgeTest {

    private static final LocalDate AUGUST_26 = LocalDate.of(2022, 8, 26);
    private AggregateTestFixture<CnoPledge> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CnoPledge.class);
    }

    @Test
    void a_veiligheidsregio_pledges_its_first_225_cno_places() {
        fixture.givenNoPriorActivity()
                .when(new PledgeCnoPlaces("VR01", 1, 225, AUGUST_26))
                .expectEvents(new CnoPlacesPledged("VR01", 1, 225, AUGUST_26));
    }

    @Test
    void the_second_225_come_on_top_of_the_first() {
        fixture.given(new CnoPlacesPledged("VR01", 1, 225, AUGUST_26))
                .when(new PledgeCnoPlaces("VR01", 2, 225, AUGUST_26))
                .expectEvents(new CnoPlacesPledged("VR01", 2, 225, AUGUST_26));
    }

    @Test
    void the_second_tranche_cannot_come_before_the_first() {
        fixture.givenNoPriorActivity()
                .when(new PledgeCnoPlaces("VR05", 2, 225, AUGUST_26))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_tranche_is_pledged_only_once() {
        fixture.given(new CnoPlacesPledged("VR01", 1, 225, AUGUST_26))
                .when(new PledgeCnoPlaces("VR01", 1, 225, AUGUST_26))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("tranche 1 was already pledged by VR01");
    }

    @Test
    void there_is_no_third_tranche() {
        fixture.given(new CnoPlacesPledged("VR01", 1, 225, AUGUST_26), new CnoPlacesPledged("VR01", 2, 225, AUGUST_26))
                .when(new PledgeCnoPlaces("VR01", 3, 225, AUGUST_26))
                .expectException(RuleViolation.class);
    }

    @Test
    void only_the_25_veiligheidsregios_pledge() {
        fixture.givenNoPriorActivity()
                .when(new PledgeCnoPlaces("VR26", 1, 225, AUGUST_26))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
