package nl.doorstroom.contracts.catalogue;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgreementFiguresTest {

    private final AgreementFigures figures = AgreementFigures.load();

    @Test
    void the_figures_are_dated_on_the_day_of_the_agreement_as_its_catalogue_is() {
        assertThat(figures.agreedOn()).isEqualTo(CommitmentCatalogue.load().agreedOn());
    }

    @Test
    void the_second_half_of_2022_has_its_taakstelling_and_the_minimum_is_that_plus_the_backlog() {
        AgreementFigures.PeriodFigures h2 = figures.period("2022-H2").orElseThrow();
        assertThat(h2.taakstelling()).isEqualTo(13_500);
        assertThat(h2.minimum()).isEqualTo(h2.taakstelling() + h2.backlog()).isEqualTo(15_300);
        assertThat(h2.ambition()).isEqualTo(20_000).isGreaterThan(h2.minimum());
        assertThat(h2.acceleration()).isEqualTo(7_500);
    }

    @Test
    void the_first_half_of_2023_is_a_range_expected_not_a_taakstelling_set() {
        AgreementFigures.PeriodFigures h1 = figures.period("2023-H1").orElseThrow();
        assertThat(h1.taakstelling()).isNull();
        assertThat(h1.expected()).isEqualTo(new AgreementFigures.Range(20_400, 23_900));
        assertThat(figures.period("2023-H2")).isEmpty();
    }

    @Test
    void coas_need_is_in_force_from_the_day_it_was_communicated() {
        assertThat(figures.coaNeedOn(LocalDate.of(2022, 6, 30))).isEmpty();
        assertThat(figures.coaNeedOn(LocalDate.of(2022, 8, 26))).hasValueSatisfying(need -> {
            assertThat(need.places()).isEqualTo(51_000);
            assertThat(need.at()).isEqualTo(LocalDate.of(2022, 12, 31));
        });
        assertThat(figures.waiting().persons()).isEqualTo(16_000);
    }

    @Test
    void a_period_twice_or_a_minimum_below_the_taakstelling_is_refused_when_loaded() {
        AgreementFigures.PeriodFigures h2 = new AgreementFigures.PeriodFigures("2022-H2", 13_500, "x", 0, 13_500, null, null, null);
        assertThatThrownBy(() -> new AgreementFigures("s", LocalDate.of(2022, 8, 26), 1, List.of(h2, h2), null, List.of()))
                .hasMessageContaining("2022-H2");
        AgreementFigures.PeriodFigures low = new AgreementFigures.PeriodFigures("2022-H2", 13_500, "x", 0, 13_000, null, null, null);
        assertThatThrownBy(() -> new AgreementFigures("s", LocalDate.of(2022, 8, 26), 1, List.of(low), null, List.of()))
                .hasMessageContaining("below its taakstelling");
    }
}
