package nl.doorstroom.platform.register;

import nl.doorstroom.platform.register.RegisterEvents.CommitmentProgressReported;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentRegistered;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommitmentViewTest {

    private static final CommitmentState COA_PLACES = CommitmentState.evolve(null, new CommitmentRegistered("INL.1", null,
            "COA heeft eind 2022 51.000 plekken nodig", List.of("RIJK", "COA"), "capacity", new BigDecimal("51000"), "plaatsen",
            LocalDate.of(2022, 12, 31), "aan het einde van 2022", 1, LocalDate.of(2022, 8, 26)), null);

    @Test
    void a_registered_commitment_without_figures_is_open() {
        assertThat(CommitmentView.of(COA_PLACES, null).status()).isEqualTo(CommitmentStatus.OPEN);
    }

    @Test
    void a_measured_commitment_is_in_progress_below_its_target_and_met_at_it() {
        assertThat(CommitmentView.of(COA_PLACES, Measurement.figureOnly(new BigDecimal("42000"))).status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(CommitmentView.of(COA_PLACES, Measurement.figureOnly(new BigDecimal("51000"))).status()).isEqualTo(CommitmentStatus.MET);
    }

    private static final CommitmentState BDUR = CommitmentState.evolve(null, new CommitmentRegistered("II.9", null,
            "Structurele toevoeging van € 83 miljoen in de BDUR", List.of("RIJK"), "finance", new BigDecimal("83000000"), "EUR",
            null, "vanaf 2023", 1, LocalDate.of(2022, 8, 26)), null);
    private static final CommitmentState TABLE = CommitmentState.evolve(null, new CommitmentRegistered("TABEL", null,
            "Tabel financiële middelen", List.of("RIJK"), "finance", null, null, null, null, 1, LocalDate.of(2022, 8, 26)), null);

    private static Measurement paid(String paid, String committed, String budgeted) {
        return Measurement.ofMoney(new BigDecimal(paid), "paid", FigureEvents.NONE,
                new Measurement.Money(new BigDecimal(budgeted), new BigDecimal(committed), new BigDecimal(paid), null));
    }

    @Test
    void money_only_budgeted_is_open_committed_is_in_progress_and_paid_to_the_target_is_met() {
        assertThat(CommitmentView.of(BDUR, paid("0", "0", "259000000")).status()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(CommitmentView.of(BDUR, paid("0", "46000000", "259000000")).status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(CommitmentView.of(BDUR, paid("83000000", "259000000", "259000000")).status()).isEqualTo(CommitmentStatus.MET);
    }

    @Test
    void money_without_a_target_moves_to_in_progress_but_its_figure_never_meets_it() {
        assertThat(CommitmentView.of(TABLE, paid("0", "0", "740100000")).status()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(CommitmentView.of(TABLE, paid("740100000", "740100000", "740100000")).status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
    }

    @Test
    void a_reported_miss_is_not_overruled_by_a_later_figure() {
        CommitmentState missed = CommitmentState.evolve(COA_PLACES, new CommitmentProgressReported("INL.1", CommitmentStatus.MISSED,
                "eind 2022 niet gehaald", "ops", LocalDate.of(2023, 1, 2)), null);
        assertThat(CommitmentView.of(missed, Measurement.figureOnly(new BigDecimal("30000"))).status()).isEqualTo(CommitmentStatus.MISSED);
    }

    @Test
    void met_late_and_extended_stand_against_the_figure_and_are_never_shown_as_met() {
        CommitmentState extended = CommitmentState.evolve(COA_PLACES, new CommitmentProgressReported("INL.1", CommitmentStatus.EXTENDED,
                "extended to 2023-03-31: na het missen van eind 2022", "deadline-service", LocalDate.of(2023, 1, 5)), null);
        assertThat(CommitmentView.of(extended, Measurement.figureOnly(new BigDecimal("51000"))).status())
                .as("a figure reached after the miss does not meet it").isEqualTo(CommitmentStatus.EXTENDED);
        CommitmentState late = CommitmentState.evolve(extended, new CommitmentProgressReported("INL.1", CommitmentStatus.LATE,
                "met late: 51.000 plekken in maart 2023", "deadline-service", LocalDate.of(2023, 3, 20)), null);
        assertThat(CommitmentView.of(late, Measurement.figureOnly(new BigDecimal("52000"))).status()).isEqualTo(CommitmentStatus.LATE);
    }

    private static Measurement places(String figure) {
        return Measurement.figureOnly(new BigDecimal(figure));
    }

    @Test
    void a_dated_target_past_its_due_moment_is_met_when_reached_by_then_late_when_reached_since_and_missed_otherwise() {
        assertThat(CommitmentView.judgedAtDue(COA_PLACES, places("52000"), places("51000")).status()).isEqualTo(CommitmentStatus.MET);
        assertThat(CommitmentView.judgedAtDue(COA_PLACES, places("51500"), places("49000")).status()).isEqualTo(CommitmentStatus.LATE);
        assertThat(CommitmentView.judgedAtDue(COA_PLACES, places("50000"), places("49000")).status()).isEqualTo(CommitmentStatus.MISSED);
        assertThat(CommitmentView.judgedAtDue(COA_PLACES, places("48000"), places("51000")).status())
                .as("reached on the due date and fallen below since: it was kept").isEqualTo(CommitmentStatus.MET);
    }

    @Test
    void past_its_due_moment_a_dated_targets_figure_decides_whatever_was_reported_and_why_shows_both_figures() {
        CommitmentState reportedMet = CommitmentState.evolve(COA_PLACES, new CommitmentProgressReported("INL.1", CommitmentStatus.MET,
                "ruim voldoende plekken", "ops", LocalDate.of(2023, 1, 2)), null);
        CommitmentView view = CommitmentView.judgedAtDue(reportedMet, places("51200"), places("44000"));
        assertThat(view.status()).isEqualTo(CommitmentStatus.LATE);
        assertThat(view.actual()).isEqualByComparingTo("51200");
        assertThat(view.why().basis()).isEqualTo(CommitmentView.Basis.MEASURED);
        assertThat(view.why().measureAtDue().actual()).isEqualByComparingTo("44000");
        assertThat(view.why().measure().actual()).isEqualByComparingTo("51200");
    }

    @Test
    void the_published_contract_of_version_1_carries_late_as_met_and_extended_as_open() {
        assertThat(CommitmentStatus.LATE.inContractV1()).isEqualTo("MET");
        assertThat(CommitmentStatus.EXTENDED.inContractV1()).isEqualTo("OPEN");
        assertThat(CommitmentStatus.MISSED.inContractV1()).isEqualTo("MISSED");
    }

    @Test
    void a_report_met_late_goes_out_as_met_in_version_1_and_then_as_late_in_version_2() {
        var late = new RegisterEvents.CommitmentProgressReported("III.12.1", CommitmentStatus.LATE, "met late: pakket",
                "deadline-service", java.time.LocalDate.of(2023, 2, 6));
        var published = new RegisterContractMapper().toContracts(late);
        assertThat(published).extracting(nl.doorstroom.platform.outbound.PublishedEvent::type).containsExactly(
                "nl.doorstroom.register.CommitmentProgressReported.v1", "nl.doorstroom.register.CommitmentProgressReported.v2");
        assertThat(published.get(0).data()).hasFieldOrPropertyWithValue("status", "MET");
        assertThat(published.get(1).data()).hasFieldOrPropertyWithValue("status", "LATE");
        assertThat(new RegisterContractMapper().toContracts(new Object())).isEmpty();
    }

    @Test
    void the_register_lists_articles_in_the_agreements_order() {
        List<String> refs = new java.util.ArrayList<>(List.of("III.12.1", "TABEL", "III.2", "I.1", "INL.2", "III.1.6", "II.9", "III.10"));
        refs.sort(java.util.Comparator.comparing(CommitmentRegister.ArticleOrder::key));
        assertThat(refs).containsExactly("INL.2", "I.1", "II.9", "III.1.6", "III.2", "III.10", "III.12.1", "TABEL");
    }
}
