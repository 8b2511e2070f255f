package nl.doorstroom.platform.register;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentProgressReported;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentRegistered;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CommitmentGaugesTest {

    private static final CommitmentState COA_PLACES = CommitmentState.evolve(null, new CommitmentRegistered("INL.1", null,
            "COA heeft eind 2022 51.000 plekken nodig", List.of("RIJK", "COA"), "capacity", new BigDecimal("51000"), "plaatsen",
            LocalDate.of(2022, 12, 31), "aan het einde van 2022", 1, LocalDate.of(2022, 8, 26)), null);

    @Test
    void each_commitment_is_one_series_labelled_with_where_it_stands_and_moves_when_its_status_changes() {
        CommitmentRegister register = mock(CommitmentRegister.class);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CommitmentGauges gauges = new CommitmentGauges(register, meters);

        when(register.all()).thenReturn(List.of(CommitmentView.of(COA_PLACES, null)));
        gauges.refresh();
        assertThat(meters.get("doorstroom.commitment.status")
                .tags("ref", "INL.1", "status", "OPEN", "owed_by", "RIJK,COA", "due", "2022-12-31").gauge().value()).isEqualTo(1.0);

        CommitmentState missed = CommitmentState.evolve(COA_PLACES, new CommitmentProgressReported("INL.1", CommitmentStatus.MISSED,
                "eind 2022 niet gehaald", "ops", LocalDate.of(2023, 1, 2)), null);
        when(register.all()).thenReturn(List.of(CommitmentView.of(missed, null)));
        gauges.refresh();
        assertThat(meters.find("doorstroom.commitment.status").gauges()).singleElement()
                .satisfies(g -> assertThat(g.getId().getTag("status")).isEqualTo("MISSED"));
    }
}
