package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingCommands.AssignTaakstelling;
import nl.doorstroom.housing.domain.HousingCommands.LinkStatushouder;
import nl.doorstroom.housing.domain.HousingCommands.RecordFlexHomes;
import nl.doorstroom.housing.domain.HousingCommands.RecordHousing;
import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;
import nl.doorstroom.housing.domain.HousingEvents.HousingRecorded;
import nl.doorstroom.housing.domain.HousingEvents.StatushouderLinked;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingAssigned;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static nl.doorstroom.housing.domain.HousingForm.FLEXWONING;
import static nl.doorstroom.housing.domain.HousingForm.REGULIERE_WONINGVOORRAAD;
import static nl.doorstroom.housing.domain.HousingForm.TUSSENVOORZIENING;

class GemeenteHuisvestingTest {

    private static final String AMSTERDAM = "GM0363";
    private static final String NH = "PV27";
    private static final LocalDate AUGUST_26 = LocalDate.of(2022, 8, 26);
    private static final LocalDate SEPTEMBER_30 = LocalDate.of(2022, 9, 30);
    private static final LocalDate NOVEMBER_1 = LocalDate.of(2022, 11, 1);
    private AggregateTestFixture<GemeenteHuisvesting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GemeenteHuisvesting.class);
    }

    @Test
    void a_first_taakstelling_carries_no_backlog() {
        fixture.givenNoPriorActivity()
                .when(new AssignTaakstelling(AMSTERDAM, "2022-H2", 693, AUGUST_26))
                .expectEvents(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26));
    }

    @Test
    void a_municipality_that_housed_less_than_its_2022_H2_share_starts_2023_H1_with_the_difference_added() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 400, REGULIERE_WONINGVOORRAAD, null, NOVEMBER_1),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 100, TUSSENVOORZIENING, null, NOVEMBER_1))
                .when(new AssignTaakstelling(AMSTERDAM, "2023-H1", 1227, SEPTEMBER_30))
                .expectEvents(new TaakstellingAssigned(AMSTERDAM, NH, "2023-H1", 1227, 193, 1420, SEPTEMBER_30));
    }

    @Test
    void a_municipality_that_housed_more_than_its_2022_H2_share_has_it_subtracted_in_2023_H1() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 800, FLEXWONING, null, NOVEMBER_1))
                .when(new AssignTaakstelling(AMSTERDAM, "2023-H1", 1227, SEPTEMBER_30))
                .expectEvents(new TaakstellingAssigned(AMSTERDAM, NH, "2023-H1", 1227, -107, 1120, SEPTEMBER_30));
    }

    @Test
    void a_backlog_keeps_growing_while_a_municipality_stays_behind() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new TaakstellingAssigned(AMSTERDAM, NH, "2023-H1", 1227, 693, 1920, SEPTEMBER_30),
                        new HousingRecorded(AMSTERDAM, NH, "2023-H1", 920, REGULIERE_WONINGVOORRAAD, null, LocalDate.of(2023, 3, 1)))
                .when(new AssignTaakstelling(AMSTERDAM, "2023-H2", 1000, LocalDate.of(2023, 6, 30)))
                .expectEvents(new TaakstellingAssigned(AMSTERDAM, NH, "2023-H2", 1000, 1000, 2000, LocalDate.of(2023, 6, 30)));
    }

    @Test
    void assigning_the_same_share_again_changes_nothing() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new AssignTaakstelling(AMSTERDAM, "2022-H2", 693, AUGUST_26))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void municipalities_house_status_holders_in_regular_stock_intermediate_facilities_or_flex_homes() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new RecordHousing(AMSTERDAM, "2022-H2", 4, FLEXWONING, null, NOVEMBER_1))
                .expectEvents(new HousingRecorded(AMSTERDAM, NH, "2022-H2", 4, FLEXWONING, null, NOVEMBER_1));
    }

    @Test
    void housing_for_an_unknown_municipality_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordHousing("GM9999", "2022-H2", 4, FLEXWONING, null, NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unknown municipality GM9999")
                .expectNoEvents();
    }

    @Test
    void housing_no_one_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordHousing(AMSTERDAM, "2022-H2", 0, FLEXWONING, null, NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("housing is recorded for at least one person")
                .expectNoEvents();
    }

    @Test
    void housing_a_negative_number_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordHousing(AMSTERDAM, "2022-H2", -3, FLEXWONING, null, NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void housing_for_a_period_in_the_wrong_format_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordHousing(AMSTERDAM, "2022-2", 4, FLEXWONING, null, NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_coa_case_is_housed_once() {
        fixture.given(new HousingRecorded(AMSTERDAM, NH, "2022-H2", 3, TUSSENVOORZIENING, "Z-1001", NOVEMBER_1))
                .when(new RecordHousing(AMSTERDAM, "2022-H2", 3, TUSSENVOORZIENING, "Z-1001", NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void coa_links_a_status_holder_to_a_municipality() {
        fixture.givenNoPriorActivity()
                .when(new LinkStatushouder(AMSTERDAM, "Z-1001", SEPTEMBER_30))
                .expectEvents(new StatushouderLinked(AMSTERDAM, NH, "Z-1001", SEPTEMBER_30));
    }

    @Test
    void a_status_holder_is_linked_to_a_municipality_once() {
        fixture.given(new StatushouderLinked(AMSTERDAM, NH, "Z-1001", SEPTEMBER_30))
                .when(new LinkStatushouder(AMSTERDAM, "Z-1001", SEPTEMBER_30))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void the_aggregate_knows_a_municipality_only_by_its_current_code() {
        fixture.givenNoPriorActivity()
                .when(new RecordHousing("GM0457", "2022-H2", 1, FLEXWONING, null, NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void flex_homes_count_towards_the_37500_and_centrally_procured_units_towards_the_2000() {
        fixture.givenNoPriorActivity()
                .when(new RecordFlexHomes("GM0034", 120, true, NOVEMBER_1))
                .expectEvents(new FlexHomesRealised("GM0034", "PV24", 120, true, NOVEMBER_1));
    }

    @Test
    void no_flex_homes_is_not_a_report() {
        fixture.givenNoPriorActivity()
                .when(new RecordFlexHomes("GM0034", 0, false, NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
