package nl.doorstroom.deadline.projection;

import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineExtended;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMet;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMissed;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineSet;
import nl.doorstroom.deadline.domain.DeadlineStatus;
import nl.doorstroom.deadline.domain.DueMoment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the deadline service shows of III.2.1 when it was missed, then extended, then met. */
class DeadlineStateTest {

    private static final String VISION = "III.2.1";
    private static final LocalDate OCTOBER_1 = LocalDate.of(2022, 10, 1);
    private static final LocalDate NOVEMBER_1 = LocalDate.of(2022, 11, 1);

    private static DeadlineState fold(Object... events) {
        return Stream.of(events).reduce(null, DeadlineState::evolve, (a, b) -> b);
    }

    private static final DeadlineSet SET = new DeadlineSet(VISION, VISION, "Visie en plannen", List.of("RIJK"), OCTOBER_1,
            DueMoment.of(OCTOBER_1), "voor 1 oktober 2022", LocalDate.of(2022, 8, 26));
    private static final DeadlineMissed MISSED = new DeadlineMissed(VISION, VISION, "Visie en plannen", List.of("RIJK"),
            OCTOBER_1, DueMoment.of(OCTOBER_1), OCTOBER_1);
    private static final DeadlineExtended EXTENDED = new DeadlineExtended(VISION, OCTOBER_1, DueMoment.of(OCTOBER_1), NOVEMBER_1,
            DueMoment.of(NOVEMBER_1), "nieuw kabinetsbesluit", LocalDate.of(2022, 10, 3));

    @Test
    void an_extension_after_a_miss_shows_extended_with_the_miss_kept() {
        DeadlineState extended = fold(SET, MISSED, EXTENDED);
        assertThat(extended.status()).isEqualTo(DeadlineStatus.EXTENDED);
        assertThat(extended.missedOn()).isEqualTo(OCTOBER_1);
        assertThat(extended.dueOn()).isEqualTo(NOVEMBER_1);
        assertThat(extended.agreedDueOn()).isEqualTo(OCTOBER_1);
    }

    @Test
    void met_by_the_extended_date_after_a_miss_is_late_even_when_stored_as_met() {
        // a DeadlineMet stored by the aggregate before it said late itself: the fold reads it as late all the same
        DeadlineState met = fold(SET, MISSED, EXTENDED, new DeadlineMet(VISION, "Kamerbrief", LocalDate.of(2022, 10, 20)));
        assertThat(met.status()).isEqualTo(DeadlineStatus.LATE);
        assertThat(met.missedOn()).isEqualTo(OCTOBER_1);
        assertThat(met.history()).extracting(DeadlineState.Step::what).containsExactly("SET", "MISSED", "EXTENDED", "MET_LATE");
    }

    @Test
    void met_in_time_is_met_and_never_missed() {
        DeadlineState met = fold(SET, new DeadlineMet(VISION, "Kamerbrief", LocalDate.of(2022, 9, 30)));
        assertThat(met.status()).isEqualTo(DeadlineStatus.MET);
        assertThat(met.missedOn()).isNull();
    }
}
