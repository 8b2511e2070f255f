package nl.doorstroom.platform.register;

import nl.doorstroom.platform.register.RegisterEvents.CommitmentRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The register decides a dated target's status from its figure and its due moment on the business clock. */
class CommitmentRegisterTest {

    private static final CommitmentState HOUSED_2022_H2 = CommitmentState.evolve(null, new CommitmentRegistered("III.12.4",
            "III.12", "Gemeenten huisvesten in de tweede helft van 2022 in ieder geval 15.300 statushouders", List.of("GEMEENTEN"),
            "housing", new BigDecimal("15300"), "statushouders", LocalDate.of(2022, 12, 31), "in de tweede helft van 2022", 1,
            LocalDate.of(2022, 8, 26)), null);

    /** Housed now and housed by a due date, as the housing service would measure them. */
    private static final class Housed implements CommitmentMeasure {
        long now;
        long byDue;
        final List<LocalDate> askedByDue = new ArrayList<>();

        @Override
        public Optional<BigDecimal> actual(String ref) {
            return Optional.of(BigDecimal.valueOf(now));
        }

        @Override
        public Optional<Measurement> measurementByDue(String ref, LocalDate due) {
            askedByDue.add(due);
            return Optional.of(Measurement.figureOnly(BigDecimal.valueOf(byDue)));
        }
    }

    private final Housed housed = new Housed();
    private final AtomicLong head = new AtomicLong(100);

    private CommitmentRegister registerAt(String instant) {
        CommitmentEntryRepository entries = mock(CommitmentEntryRepository.class);
        when(entries.findById("III.12.4")).thenReturn(Optional.of(new CommitmentEntry(HOUSED_2022_H2)));
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        when(jdbc.queryForObject(anyString(), eq(Long.class))).thenAnswer(i -> head.get());
        return new CommitmentRegister(entries, List.of(housed), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), jdbc);
    }

    @Test
    void before_its_due_moment_a_target_reached_is_met_and_one_not_yet_reached_is_in_progress() {
        housed.now = 9_000;
        assertThat(registerAt("2022-12-31T22:59:59Z").one("III.12.4").status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(housed.askedByDue).isEmpty();
    }

    @Test
    void from_the_end_of_its_due_date_in_dutch_time_the_figure_at_that_date_decides() {
        housed.now = 15_470;
        housed.byDue = 15_100;
        assertThat(registerAt("2022-12-31T23:00:00Z").one("III.12.4").status())
                .as("15,470 housed now, 15,100 by the end of 2022").isEqualTo(CommitmentStatus.LATE);
        assertThat(housed.askedByDue).containsExactly(LocalDate.of(2022, 12, 31));

        housed.byDue = 15_300;
        head.incrementAndGet();
        assertThat(registerAt("2023-03-20T10:00:00Z").one("III.12.4").status())
                .as("a December housing reported in March counts by the due date").isEqualTo(CommitmentStatus.MET);

        housed.now = 14_000;
        housed.byDue = 14_000;
        head.incrementAndGet();
        assertThat(registerAt("2023-03-20T10:00:00Z").one("III.12.4").status()).isEqualTo(CommitmentStatus.MISSED);
    }

    @Test
    void the_figure_at_the_due_moment_is_folded_again_only_when_the_event_store_moved() {
        housed.now = 14_000;
        housed.byDue = 14_000;
        CommitmentRegister register = registerAt("2023-03-20T10:00:00Z");
        register.one("III.12.4");
        register.one("III.12.4");
        assertThat(housed.askedByDue).hasSize(1);

        housed.byDue = 15_300;
        head.incrementAndGet();
        assertThat(register.one("III.12.4").status()).isEqualTo(CommitmentStatus.MET);
        assertThat(housed.askedByDue).hasSize(2);
    }
}
