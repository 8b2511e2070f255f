package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingCommands.SetTaakstelling;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingDistributed;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class TaakstellingTest {

    private static final LocalDate AUGUST_26 = LocalDate.of(2022, 8, 26);
    private static final LocalDate SEPTEMBER_30 = LocalDate.of(2022, 9, 30);
    private AggregateTestFixture<Taakstelling> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Taakstelling.class);
    }

    private static TaakstellingDistributed distributed(String period, int total, LocalDate on) {
        return new TaakstellingDistributed(period, total, 17_590_672L, Gemeenten.RESOURCE, Verdeling.METHOD,
                Verdeling.byPopulation(total, Gemeenten.all()), on);
    }

    @Test
    void the_taakstelling_for_the_second_half_of_2022_remains_13500_distributed_over_the_municipalities_by_population() {
        fixture.givenNoPriorActivity()
                .when(new SetTaakstelling("2022-H2", 13_500, AUGUST_26))
                .expectEvents(distributed("2022-H2", 13_500, AUGUST_26));
    }

    @Test
    void the_taakstelling_for_the_first_half_of_2023_is_considerably_higher_expected_between_20400_and_23900() {
        fixture.givenNoPriorActivity()
                .when(new SetTaakstelling("2023-H1", 23_900, SEPTEMBER_30))
                .expectEvents(distributed("2023-H1", 23_900, SEPTEMBER_30));
    }

    @Test
    void a_period_is_set_once() {
        fixture.given(distributed("2022-H2", 13_500, AUGUST_26))
                .when(new SetTaakstelling("2022-H2", 15_300, AUGUST_26))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the taakstelling for 2022-H2 was already set at 13500")
                .expectNoEvents();
    }

    @Test
    void the_same_figure_again_is_no_change_so_the_agreements_figures_can_be_loaded_at_every_start() {
        fixture.given(distributed("2022-H2", 13_500, AUGUST_26))
                .when(new SetTaakstelling("2022-H2", 13_500, AUGUST_26))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_period_in_the_wrong_format_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SetTaakstelling("2022-H3", 13_500, AUGUST_26))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_taakstelling_of_no_one_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SetTaakstelling("2022-H2", 0, AUGUST_26))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
