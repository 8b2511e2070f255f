package nl.doorstroom.platform.register;

import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.register.RegisterCommands.RegisterCommitment;
import nl.doorstroom.platform.register.RegisterCommands.ReportCommitmentProgress;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentProgressReported;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentRegistered;
import nl.doorstroom.testsupport.SnapshotRoundTrip;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

class CommitmentTest {

    private static final LocalDate AGREED_ON = LocalDate.of(2022, 8, 26);
    private static final RegisterCommitment REGISTER_III_1 = new RegisterCommitment("III.1", null,
            "225 plus 225 CNO-plaatsen per veiligheidsregio", List.of("VEILIGHEIDSREGIOS"), "capacity",
            new BigDecimal("450"), "plaatsen per veiligheidsregio", null, null, 1, AGREED_ON);
    private static final CommitmentRegistered REGISTERED_III_1 = new CommitmentRegistered("III.1", null,
            "225 plus 225 CNO-plaatsen per veiligheidsregio", List.of("VEILIGHEIDSREGIOS"), "capacity",
            new BigDecimal("450"), "plaatsen per veiligheidsregio", null, null, 1, AGREED_ON);

    private AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void a_commitment_enters_the_register_dated_on_the_agreement() {
        fixture.givenNoPriorActivity().when(REGISTER_III_1).expectEvents(REGISTERED_III_1);
    }

    @Test
    void registering_the_same_catalogue_entry_again_changes_nothing() {
        fixture.given(REGISTERED_III_1).when(REGISTER_III_1).expectNoEvents();
    }

    @Test
    void a_changed_catalogue_entry_is_recorded_as_a_new_registration() {
        RegisterCommitment v2 = new RegisterCommitment("III.1", null, "CNO-plaatsen per veiligheidsregio (225 + 225)",
                List.of("VEILIGHEIDSREGIOS"), "capacity", new BigDecimal("450"), "plaatsen per veiligheidsregio", null, null, 2, AGREED_ON);
        fixture.given(REGISTERED_III_1).when(v2).expectEvents(new CommitmentRegistered("III.1", null,
                "CNO-plaatsen per veiligheidsregio (225 + 225)", List.of("VEILIGHEIDSREGIOS"), "capacity",
                new BigDecimal("450"), "plaatsen per veiligheidsregio", null, null, 2, AGREED_ON));
    }

    @Test
    void progress_is_reported_with_the_date_it_is_about() {
        LocalDate oct1 = LocalDate.of(2022, 10, 1);
        fixture.given(REGISTERED_III_1)
                .when(new ReportCommitmentProgress("III.1", CommitmentStatus.IN_PROGRESS, "18 regio's op 225", "Veiligheidsberaad", oct1))
                .expectEvents(new CommitmentProgressReported("III.1", CommitmentStatus.IN_PROGRESS, "18 regio's op 225", "Veiligheidsberaad", oct1));
    }

    @Test
    void progress_cannot_be_dated_before_the_agreement() {
        fixture.given(REGISTERED_III_1)
                .when(new ReportCommitmentProgress("III.1", CommitmentStatus.MET, null, null, LocalDate.of(2022, 8, 1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_commitment_loaded_from_its_snapshot_after_300_progress_reports_knows_its_registration() {
        List<Object> history = new ArrayList<>(List.of(REGISTERED_III_1));
        for (int day = 0; day < 300; day++) {
            history.add(new CommitmentProgressReported("III.1", CommitmentStatus.IN_PROGRESS, (day % 25) + " regio's op 225",
                    "Veiligheidsberaad", AGREED_ON.plusDays(day)));
        }
        Commitment loaded = SnapshotRoundTrip.afterSnapshot(Commitment.class, "III.1", history.toArray());

        fixture.givenState(() -> loaded).when(REGISTER_III_1).expectNoEvents().expectSuccessfulHandlerExecution();
        new AggregateTestFixture<>(Commitment.class).givenState(() -> loaded)
                .when(new ReportCommitmentProgress("III.1", CommitmentStatus.MET, "25 regio's op 450", "Veiligheidsberaad",
                        AGREED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("progress cannot be dated before the agreement of 2022-08-26");
    }
}
