package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingCommands.AgreeToSwap;
import nl.doorstroom.housing.domain.HousingCommands.AssignTaakstelling;
import nl.doorstroom.housing.domain.HousingCommands.CorrectHousing;
import nl.doorstroom.housing.domain.HousingCommands.LinkStatushouder;
import nl.doorstroom.housing.domain.HousingCommands.RecordFlexHomes;
import nl.doorstroom.housing.domain.HousingCommands.ReceiveSwappedTaakstelling;
import nl.doorstroom.housing.domain.HousingCommands.RecordHousing;
import nl.doorstroom.housing.domain.HousingCommands.RecordPrtAgreement;
import nl.doorstroom.housing.domain.HousingCommands.SwapOutcome;
import nl.doorstroom.housing.domain.HousingCommands.SwapTaakstelling;
import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;
import nl.doorstroom.housing.domain.HousingEvents.HousingCorrected;
import nl.doorstroom.housing.domain.HousingEvents.HousingRecorded;
import nl.doorstroom.housing.domain.HousingEvents.PrtAgreementRecorded;
import nl.doorstroom.housing.domain.HousingEvents.StatushouderLinked;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingAssigned;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwapProposed;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwappedIn;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwappedOut;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.testsupport.SnapshotRoundTrip;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static nl.doorstroom.housing.domain.HousingForm.FLEXWONING;
import static nl.doorstroom.housing.domain.HousingForm.REGULIERE_WONINGVOORRAAD;
import static nl.doorstroom.housing.domain.HousingForm.TUSSENVOORZIENING;

class GemeenteHuisvestingTest {

    private static final String AMSTERDAM = "GM0363";
    private static final String NH = "PV27";
    private static final String ZAANSTAD = "GM0479";
    private static final String UTRECHT = "GM0344";
    private static final String UT = "PV26";
    private static final String CNO = "200 CNO-plaatsen";
    private static final LocalDate OCTOBER_3 = LocalDate.of(2022, 10, 3);
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

    @Test
    void a_municipality_proposes_to_hand_part_of_its_taakstelling_to_one_in_its_own_province_and_nothing_moves_yet() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, ZAANSTAD, 100, CNO, OCTOBER_3, AMSTERDAM))
                .expectEvents(new TaakstellingSwapProposed("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 100,
                        CNO, OCTOBER_3))
                .expectResultMessagePayload(new SwapOutcome("2022-H2:GM0363:1", false));
    }

    @Test
    void the_receiving_municipality_agrees_and_the_swap_takes_effect_naming_both() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new TaakstellingSwapProposed("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 100, CNO, OCTOBER_3))
                .when(new AgreeToSwap(AMSTERDAM, "2022-H2:GM0363:1", ZAANSTAD, NOVEMBER_1))
                .expectEvents(new TaakstellingSwappedOut("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 100,
                        CNO, true, NOVEMBER_1, AMSTERDAM, ZAANSTAD));
    }

    @Test
    void only_the_municipality_the_swap_was_proposed_to_agrees_to_it() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new TaakstellingSwapProposed("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 100, CNO, OCTOBER_3))
                .when(new AgreeToSwap(AMSTERDAM, "2022-H2:GM0363:1", "GM0392", NOVEMBER_1))
                .expectException(violationOf("swapId"))
                .expectExceptionMessage("2022-H2:GM0363:1 is proposed to GM0479, not to GM0392")
                .expectNoEvents();
    }

    @Test
    void a_swap_takes_effect_once_and_an_unknown_one_not_at_all() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new TaakstellingSwapProposed("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 100, CNO, OCTOBER_3),
                        new TaakstellingSwappedOut("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 100, CNO, true,
                                NOVEMBER_1, AMSTERDAM, ZAANSTAD))
                .when(new AgreeToSwap(AMSTERDAM, "2022-H2:GM0363:1", ZAANSTAD, NOVEMBER_1))
                .expectException(violationOf("swapId"))
                .expectNoEvents();
        new AggregateTestFixture<>(GemeenteHuisvesting.class)
                .given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new AgreeToSwap(AMSTERDAM, "2022-H2:GM0363:7", ZAANSTAD, NOVEMBER_1))
                .expectException(violationOf("swapId"))
                .expectNoEvents();
    }

    @Test
    void an_agreement_is_not_dated_before_the_proposal() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new TaakstellingSwapProposed("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 100, CNO, OCTOBER_3))
                .when(new AgreeToSwap(AMSTERDAM, "2022-H2:GM0363:1", ZAANSTAD, SEPTEMBER_30))
                .expectException(violationOf("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void at_the_agreement_the_giver_must_still_have_the_persons_to_house() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new TaakstellingSwapProposed("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 300, CNO, OCTOBER_3),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 400, REGULIERE_WONINGVOORRAAD, null, OCTOBER_3))
                .when(new AgreeToSwap(AMSTERDAM, "2022-H2:GM0363:1", ZAANSTAD, NOVEMBER_1))
                .expectException(violationOf("persons"))
                .expectExceptionMessage("GM0363 has 293 of its 2022-H2 taakstelling left to house and cannot give away 300")
                .expectNoEvents();
    }

    @Test
    void a_swap_across_a_provincial_border_is_refused_naming_the_receiving_municipality() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, UTRECHT, 50, "asielopvang", OCTOBER_3, AMSTERDAM))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("within the province"))
                .expectException(RuleViolation.class);
    }

    @Test
    void the_regietafel_of_the_province_arranges_a_swap_and_is_named_as_its_arranger() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, ZAANSTAD, 40, CNO, OCTOBER_3, NH))
                .expectEvents(new TaakstellingSwappedOut("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 40,
                        CNO, true, OCTOBER_3, NH, null))
                .expectResultMessagePayload(new SwapOutcome("2022-H2:GM0363:1", true));
    }

    @Test
    void a_swap_the_regietafel_arranges_after_a_proposal_gets_the_next_number() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new TaakstellingSwapProposed("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 100, CNO, OCTOBER_3))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, ZAANSTAD, 40, CNO, OCTOBER_3, NH))
                .expectEvents(new TaakstellingSwappedOut("2022-H2:GM0363:2", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 40,
                        CNO, true, OCTOBER_3, NH, null));
    }

    @Test
    void the_regietafel_records_a_plan_agreed_with_a_municipality_that_has_its_taakstelling() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new RecordPrtAgreement(AMSTERDAM, "2022-H2", NH, PrtSubject.PLAN_AFGESTEMD, "plan besproken", OCTOBER_3))
                .expectEvents(new PrtAgreementRecorded(AMSTERDAM, NH, "2022-H2", PrtSubject.PLAN_AFGESTEMD, "plan besproken",
                        OCTOBER_3));
    }

    @Test
    void the_regietafel_of_another_province_records_nothing_about_the_municipality() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new RecordPrtAgreement(AMSTERDAM, "2022-H2", UT, PrtSubject.AANGESPROKEN, "achter", OCTOBER_3))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void the_regietafel_records_nothing_for_a_period_without_taakstelling() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new RecordPrtAgreement(AMSTERDAM, "2023-H1", NH, PrtSubject.AANGESPROKEN, "achter", OCTOBER_3))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no taakstelling for 2023-H1"));
    }

    @Test
    void a_municipality_cannot_give_away_more_than_it_still_has_to_house_after_earlier_swaps() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 400, REGULIERE_WONINGVOORRAAD, null, SEPTEMBER_30),
                        new TaakstellingSwappedOut("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 200, CNO, true, OCTOBER_3, AMSTERDAM, null))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, ZAANSTAD, 94, CNO, OCTOBER_3, AMSTERDAM))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("GM0363 has 93 of its 2022-H2 taakstelling left to house and cannot give away 94")
                .expectNoEvents();
    }

    @Test
    void a_municipality_can_give_away_exactly_what_it_still_has_to_house() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 400, REGULIERE_WONINGVOORRAAD, null, SEPTEMBER_30),
                        new TaakstellingSwappedIn("2022-H2:GM0344:1", AMSTERDAM, NH, "2022-H2", UTRECHT, UT, 7, CNO, false, OCTOBER_3))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, ZAANSTAD, 300, CNO, OCTOBER_3, AMSTERDAM))
                .expectEvents(new TaakstellingSwapProposed("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 300,
                        CNO, OCTOBER_3));
    }

    @Test
    void a_swap_before_the_taakstelling_of_the_period_is_assigned_is_refused() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new SwapTaakstelling("2023-H1", AMSTERDAM, ZAANSTAD, 10, CNO, OCTOBER_3, AMSTERDAM))
                .expectException(violationOf("period"))
                .expectNoEvents();
    }

    @Test
    void a_swap_with_itself_is_refused() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, AMSTERDAM, 10, CNO, OCTOBER_3, AMSTERDAM))
                .expectException(violationOf("toGemeente"))
                .expectNoEvents();
    }

    @Test
    void a_swap_with_an_unknown_municipality_is_refused() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, "GM9999", 10, CNO, OCTOBER_3, AMSTERDAM))
                .expectException(violationOf("toGemeente"))
                .expectExceptionMessage("unknown municipality GM9999")
                .expectNoEvents();
    }

    @Test
    void a_swap_from_an_unknown_municipality_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SwapTaakstelling("2022-H2", "GM9999", AMSTERDAM, 10, CNO, OCTOBER_3, AMSTERDAM))
                .expectException(violationOf("fromGemeente"))
                .expectNoEvents();
    }

    @Test
    void a_swap_of_no_one_is_refused() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, ZAANSTAD, 0, CNO, OCTOBER_3, AMSTERDAM))
                .expectException(violationOf("persons"))
                .expectNoEvents();
    }

    @Test
    void a_swap_names_what_is_taken_on_in_return() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, ZAANSTAD, 10, " ", OCTOBER_3, AMSTERDAM))
                .expectException(violationOf("compensation"))
                .expectNoEvents();
    }

    @Test
    void a_period_whose_result_was_carried_into_the_next_takes_no_more_swaps() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new TaakstellingAssigned(AMSTERDAM, NH, "2023-H1", 1227, 693, 1920, SEPTEMBER_30))
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, ZAANSTAD, 10, CNO, OCTOBER_3, AMSTERDAM))
                .expectException(violationOf("period"))
                .expectNoEvents();
    }

    @Test
    void the_receiving_municipality_takes_the_swapped_persons_into_its_taakstelling() {
        fixture.given(new TaakstellingAssigned(ZAANSTAD, NH, "2022-H2", 122, 0, 122, AUGUST_26))
                .when(new ReceiveSwappedTaakstelling(ZAANSTAD, "2022-H2:GM0363:1", "2022-H2", AMSTERDAM, 100, CNO, OCTOBER_3))
                .expectEvents(new TaakstellingSwappedIn("2022-H2:GM0363:1", ZAANSTAD, NH, "2022-H2", AMSTERDAM, NH, 100,
                        CNO, true, OCTOBER_3));
    }

    @Test
    void a_swap_is_received_once() {
        fixture.given(new TaakstellingAssigned(ZAANSTAD, NH, "2022-H2", 122, 0, 122, AUGUST_26),
                        new TaakstellingSwappedIn("2022-H2:GM0363:1", ZAANSTAD, NH, "2022-H2", AMSTERDAM, NH, 100, CNO, true, OCTOBER_3))
                .when(new ReceiveSwappedTaakstelling(ZAANSTAD, "2022-H2:GM0363:1", "2022-H2", AMSTERDAM, 100, CNO, OCTOBER_3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_municipality_without_a_taakstelling_for_the_period_cannot_receive_a_swap() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveSwappedTaakstelling(ZAANSTAD, "2022-H2:GM0363:1", "2022-H2", AMSTERDAM, 100, CNO, OCTOBER_3))
                .expectException(violationOf("period"))
                .expectNoEvents();
    }

    @Test
    void the_backlog_carried_into_the_next_period_follows_the_swapped_taakstelling() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new TaakstellingSwappedOut("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 200, CNO, true, OCTOBER_3, AMSTERDAM, null),
                        new TaakstellingSwappedIn("2022-H2:GM0344:1", AMSTERDAM, NH, "2022-H2", UTRECHT, UT, 20, CNO, false, OCTOBER_3),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 400, REGULIERE_WONINGVOORRAAD, null, NOVEMBER_1))
                .when(new AssignTaakstelling(AMSTERDAM, "2023-H1", 1227, LocalDate.of(2022, 12, 15)))
                .expectEvents(new TaakstellingAssigned(AMSTERDAM, NH, "2023-H1", 1227, 113, 1340, LocalDate.of(2022, 12, 15)));
    }

    private static Matcher<RuleViolation> violationOf(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return field.equals(violation.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation of field " + field);
            }
        };
    }

    @Test
    void a_correction_of_december_housing_supersedes_the_reported_count_with_a_new_event() {
        LocalDate december15 = LocalDate.of(2022, 12, 15);
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 40, REGULIERE_WONINGVOORRAAD, null, december15),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 10, REGULIERE_WONINGVOORRAAD, null, december15))
                .when(new CorrectHousing(AMSTERDAM, "2022-H2", REGULIERE_WONINGVOORRAAD, 35, "dubbel geteld", december15))
                .expectEvents(new HousingCorrected(AMSTERDAM, NH, "2022-H2", REGULIERE_WONINGVOORRAAD, 50, 35, "dubbel geteld", december15));
    }

    @Test
    void the_backlog_carried_into_the_next_period_follows_the_corrected_count() {
        fixture.given(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26),
                        new HousingRecorded(AMSTERDAM, NH, "2022-H2", 500, REGULIERE_WONINGVOORRAAD, null, NOVEMBER_1),
                        new HousingCorrected(AMSTERDAM, NH, "2022-H2", REGULIERE_WONINGVOORRAAD, 500, 450, "dubbel geteld", NOVEMBER_1))
                .when(new AssignTaakstelling(AMSTERDAM, "2023-H1", 1227, SEPTEMBER_30))
                .expectEvents(new TaakstellingAssigned(AMSTERDAM, NH, "2023-H1", 1227, 243, 1470, SEPTEMBER_30));
    }

    @Test
    void a_correction_to_the_count_already_recorded_or_without_a_reason_is_refused() {
        fixture.given(new HousingRecorded(AMSTERDAM, NH, "2022-H2", 40, FLEXWONING, null, NOVEMBER_1))
                .when(new CorrectHousing(AMSTERDAM, "2022-H2", FLEXWONING, 40, "geen", NOVEMBER_1))
                .expectException(RuleViolation.class);
        fixture.given(new HousingRecorded(AMSTERDAM, NH, "2022-H2", 40, FLEXWONING, null, NOVEMBER_1))
                .when(new CorrectHousing(AMSTERDAM, "2022-H2", FLEXWONING, 30, " ", NOVEMBER_1))
                .expectException(RuleViolation.class);
    }

    /** 300 housed, 10 corrected away, 100 swapped out and 20 swapped in: 613 owed, 290 housed in 2022-H2. */
    @Test
    void a_municipality_loaded_from_its_snapshot_carries_the_same_backlog_and_knows_its_cases_and_swaps() {
        List<Object> history = new ArrayList<>(List.of(new TaakstellingAssigned(AMSTERDAM, NH, "2022-H2", 693, 0, 693, AUGUST_26)));
        for (int i = 0; i < 300; i++) {
            history.add(new HousingRecorded(AMSTERDAM, NH, "2022-H2", 1, i % 3 == 0 ? TUSSENVOORZIENING : REGULIERE_WONINGVOORRAAD,
                    "Z-" + i, SEPTEMBER_30));
        }
        history.add(new HousingCorrected(AMSTERDAM, NH, "2022-H2", TUSSENVOORZIENING, 100, 90, "dubbel geteld", SEPTEMBER_30));
        history.add(new StatushouderLinked(AMSTERDAM, NH, "Z-L1", SEPTEMBER_30));
        history.add(new TaakstellingSwappedOut("2022-H2:GM0363:1", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 100, CNO, true, OCTOBER_3, AMSTERDAM, null));
        history.add(new TaakstellingSwappedIn("2022-H2:GM0344:1", AMSTERDAM, NH, "2022-H2", UTRECHT, UT, 20, CNO, false, OCTOBER_3));
        history.add(new TaakstellingSwapProposed("2022-H2:GM0363:2", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 10, CNO, OCTOBER_3));
        // each command changes the state it is given: every one gets a copy of its own, read back from a snapshot
        Supplier<Supplier<GemeenteHuisvesting>> loaded = () -> {
            GemeenteHuisvesting copy = SnapshotRoundTrip.afterSnapshot(GemeenteHuisvesting.class, AMSTERDAM, history.toArray());
            return () -> copy;
        };

        fixture.givenState(loaded.get())
                .when(new AssignTaakstelling(AMSTERDAM, "2023-H1", 700, NOVEMBER_1))
                .expectEvents(new TaakstellingAssigned(AMSTERDAM, NH, "2023-H1", 700, 323, 1023, NOVEMBER_1));
        new AggregateTestFixture<>(GemeenteHuisvesting.class).givenState(loaded.get())
                .when(new SwapTaakstelling("2022-H2", AMSTERDAM, ZAANSTAD, 50, CNO, NOVEMBER_1, AMSTERDAM))
                .expectEvents(new TaakstellingSwapProposed("2022-H2:GM0363:3", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 50, CNO,
                        NOVEMBER_1));
        new AggregateTestFixture<>(GemeenteHuisvesting.class).givenState(loaded.get())
                .when(new AgreeToSwap(AMSTERDAM, "2022-H2:GM0363:2", ZAANSTAD, NOVEMBER_1))
                .expectEvents(new TaakstellingSwappedOut("2022-H2:GM0363:2", AMSTERDAM, NH, "2022-H2", ZAANSTAD, NH, 10, CNO, true,
                        NOVEMBER_1, AMSTERDAM, ZAANSTAD));
        new AggregateTestFixture<>(GemeenteHuisvesting.class).givenState(loaded.get())
                .when(new ReceiveSwappedTaakstelling(AMSTERDAM, "2022-H2:GM0344:1", "2022-H2", UTRECHT, 20, CNO, NOVEMBER_1))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(GemeenteHuisvesting.class).givenState(loaded.get())
                .when(new CorrectHousing(AMSTERDAM, "2022-H2", TUSSENVOORZIENING, 90, "nogmaals", NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("GM0363 already counts 90 housed in 2022-H2 as TUSSENVOORZIENING");
        new AggregateTestFixture<>(GemeenteHuisvesting.class).givenState(loaded.get())
                .when(new RecordHousing(AMSTERDAM, "2022-H2", 1, REGULIERE_WONINGVOORRAAD, "Z-7", NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("case Z-7 was already housed by GM0363");
        new AggregateTestFixture<>(GemeenteHuisvesting.class).givenState(loaded.get())
                .when(new LinkStatushouder(AMSTERDAM, "Z-L1", NOVEMBER_1))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("case Z-L1 is already linked to GM0363");
    }
}
