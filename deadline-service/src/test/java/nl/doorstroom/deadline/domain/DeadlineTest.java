package nl.doorstroom.deadline.domain;

import nl.doorstroom.deadline.domain.Deadline.DueMomentReached;
import nl.doorstroom.deadline.domain.DeadlineCommands.CountCnoLocationWoundDown;
import nl.doorstroom.deadline.domain.DeadlineCommands.ExtendDeadline;
import nl.doorstroom.deadline.domain.DeadlineCommands.MeetDeadline;
import nl.doorstroom.deadline.domain.DeadlineCommands.SetDeadline;
import nl.doorstroom.deadline.domain.DeadlineEvents.CnoLocationCounted;
import nl.doorstroom.deadline.domain.DeadlineEvents.CnoLocationWoundDown;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineExtended;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMet;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMetLate;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMissed;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineSet;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.testsupport.SnapshotRoundTrip;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** III.2.1: the Rijk presents its vision and plans before 1 October 2022. */
class DeadlineTest {

    private static final String VISION = "III.2.1";
    private static final LocalDate AGREED = LocalDate.of(2022, 8, 26);
    private static final LocalDate OCTOBER_1 = LocalDate.of(2022, 10, 1);
    /** Midnight after 1 October, Dutch summer time. */
    private static final Instant DUE = Instant.parse("2022-10-01T22:00:00Z");
    private static final Instant SEPTEMBER_30_2359 = ZonedDateTime.of(2022, 9, 30, 23, 59, 0, 0, DueMoment.NETHERLANDS).toInstant();
    private static final String KAMERBRIEF = "Kamerbrief 2022Z18740, 30 september 2022";

    private static final SetDeadline SET = new SetDeadline(VISION, VISION, "Visie en plannen", List.of("RIJK"), OCTOBER_1,
            DueMoment.of(OCTOBER_1), "voor 1 oktober 2022", AGREED);
    private static final DeadlineSet WAS_SET = new DeadlineSet(VISION, VISION, "Visie en plannen", List.of("RIJK"), OCTOBER_1,
            DUE, "voor 1 oktober 2022", AGREED);
    private static final DeadlineMissed WAS_MISSED = new DeadlineMissed(VISION, VISION, "Visie en plannen", List.of("RIJK"),
            OCTOBER_1, DUE, OCTOBER_1);

    private AggregateTestFixture<Deadline> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deadline.class);
        fixture.registerInjectableResource(new BusinessTime(new FixtureClock(), 1.0));
    }

    @Test
    void the_due_moment_of_1_october_is_midnight_after_it_in_the_netherlands() {
        org.assertj.core.api.Assertions.assertThat(DueMoment.of(OCTOBER_1)).isEqualTo(DUE);
        org.assertj.core.api.Assertions.assertThat(DueMoment.of(LocalDate.of(2022, 12, 31)))
                .isEqualTo(Instant.parse("2022-12-31T23:00:00Z"));
    }

    @Test
    void a_dated_commitment_becomes_an_open_deadline_that_waits_for_its_due_moment() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .when(SET)
                .expectEvents(WAS_SET)
                .expectScheduledDeadline(Duration.between(SEPTEMBER_30_2359, DUE), new DueMomentReached(VISION, DUE));
    }

    @Test
    void setting_the_same_deadline_again_changes_nothing_and_schedules_nothing() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGiven(WAS_SET)
                .when(SET)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_deadline_not_met_when_1_october_ends_is_missed() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGivenCommands(SET)
                .whenTimeElapses(Duration.ofHours(25))
                .expectTriggeredDeadlines(new DueMomentReached(VISION, DUE))
                .expectEvents(WAS_MISSED);
    }

    @Test
    void a_deadline_met_on_30_september_with_a_document_is_met_and_no_longer_waits() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGivenCommands(SET)
                .when(new MeetDeadline(VISION, KAMERBRIEF, LocalDate.of(2022, 9, 30), null))
                .expectEvents(new DeadlineMet(VISION, KAMERBRIEF, LocalDate.of(2022, 9, 30)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_missed_deadline_met_afterwards_is_late() {
        fixture.givenCurrentTime(Instant.parse("2022-10-10T10:00:00Z"))
                .andGiven(WAS_SET, WAS_MISSED)
                .when(new MeetDeadline(VISION, KAMERBRIEF, LocalDate.of(2022, 10, 7), null))
                .expectEvents(new DeadlineMetLate(VISION, KAMERBRIEF, LocalDate.of(2022, 10, 7)));
    }

    @Test
    void met_on_a_date_after_its_due_moment_before_the_deadline_fired_is_missed_and_late() {
        fixture.givenCurrentTime(Instant.parse("2022-10-02T08:00:00Z"))
                .andGiven(WAS_SET)
                .when(new MeetDeadline(VISION, KAMERBRIEF, LocalDate.of(2022, 10, 2), null))
                .expectEvents(WAS_MISSED, new DeadlineMetLate(VISION, KAMERBRIEF, LocalDate.of(2022, 10, 2)));
    }

    @Test
    void an_extension_moves_the_due_moment_keeping_the_earlier_date_and_gives_its_reason() {
        LocalDate november1 = LocalDate.of(2022, 11, 1);
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGivenCommands(SET)
                .when(new ExtendDeadline(VISION, november1, "Ministerraad van 7 oktober"))
                .expectEvents(new DeadlineExtended(VISION, OCTOBER_1, DUE, november1, DueMoment.of(november1),
                        "Ministerraad van 7 oktober", LocalDate.of(2022, 9, 30)))
                .expectScheduledDeadline(DueMoment.of(november1), new DueMomentReached(VISION, DueMoment.of(november1)))
                .expectNoScheduledDeadline(DUE, new DueMomentReached(VISION, DUE));
    }

    @Test
    void an_extended_deadline_is_not_missed_at_its_first_date() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGivenCommands(SET, new ExtendDeadline(VISION, LocalDate.of(2022, 11, 1), "Ministerraad van 7 oktober"))
                .whenTimeElapses(Duration.ofDays(3))
                .expectNoEvents();
    }

    @Test
    void a_missed_deadline_can_be_extended_and_waits_again() {
        LocalDate november1 = LocalDate.of(2022, 11, 1);
        fixture.givenCurrentTime(Instant.parse("2022-10-03T10:00:00Z"))
                .andGiven(WAS_SET, WAS_MISSED)
                .when(new ExtendDeadline(VISION, november1, "nieuw kabinetsbesluit"))
                .expectEvents(new DeadlineExtended(VISION, OCTOBER_1, DUE, november1, DueMoment.of(november1),
                        "nieuw kabinetsbesluit", LocalDate.of(2022, 10, 3)))
                .expectScheduledDeadline(DueMoment.of(november1), new DueMomentReached(VISION, DueMoment.of(november1)));
    }

    @Test
    void a_missed_deadline_extended_and_then_met_by_its_new_date_is_late_not_met() {
        LocalDate november1 = LocalDate.of(2022, 11, 1);
        fixture.givenCurrentTime(Instant.parse("2022-10-20T10:00:00Z"))
                .andGiven(WAS_SET, WAS_MISSED, new DeadlineExtended(VISION, OCTOBER_1, DUE, november1, DueMoment.of(november1),
                        "nieuw kabinetsbesluit", LocalDate.of(2022, 10, 3)))
                .when(new MeetDeadline(VISION, KAMERBRIEF, LocalDate.of(2022, 10, 20), null))
                .expectEvents(new DeadlineMetLate(VISION, KAMERBRIEF, LocalDate.of(2022, 10, 20)))
                .expectNoScheduledDeadline(DueMoment.of(november1), new DueMomentReached(VISION, DueMoment.of(november1)));
    }

    @Test
    void a_deadline_extended_before_its_due_moment_and_met_by_the_new_date_is_met() {
        LocalDate november1 = LocalDate.of(2022, 11, 1);
        fixture.givenCurrentTime(Instant.parse("2022-10-20T10:00:00Z"))
                .andGiven(WAS_SET, new DeadlineExtended(VISION, OCTOBER_1, DUE, november1, DueMoment.of(november1),
                        "Ministerraad van 30 september", LocalDate.of(2022, 9, 30)))
                .when(new MeetDeadline(VISION, KAMERBRIEF, LocalDate.of(2022, 10, 20), null))
                .expectEvents(new DeadlineMet(VISION, KAMERBRIEF, LocalDate.of(2022, 10, 20)));
    }

    @Test
    void a_due_moment_that_arrives_before_the_business_clock_reached_it_is_waited_for_again() {
        // the manager is told the clock runs twice as fast as it does, so it fires halfway
        fixture = new AggregateTestFixture<>(Deadline.class);
        fixture.registerInjectableResource(new BusinessTime(new FixtureClock(), 2.0));
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGivenCommands(SET)
                .whenTimeElapses(Duration.ofHours(13))
                .expectNoEvents()
                .expectTriggeredDeadlines(new DueMomentReached(VISION, DUE))
                // 24h01m away, halved: fired after 12h00m30s, then half the 12h00m30s left again
                .expectScheduledDeadline(SEPTEMBER_30_2359.plusMillis(43_230_000 + 21_615_000), new DueMomentReached(VISION, DUE));
    }

    private static final String WIND_DOWN = "III.2.4/2023-01-01";
    private static final LocalDate JANUARY_1 = LocalDate.of(2023, 1, 1);
    private static final Instant WIND_DOWN_DUE = DueMoment.of(JANUARY_1);
    private static final Instant DECEMBER_20 = Instant.parse("2022-12-20T10:00:00Z");
    private static final SetDeadline SET_WIND_DOWN = new SetDeadline(WIND_DOWN, "III.2.4", "afbouw CNO afgerond", List.of("RIJK"),
            JANUARY_1, WIND_DOWN_DUE, "afbouw CNO afgerond", AGREED);
    private static final String HANDED_OVER = "nl.doorstroom.capacity.CnoLocationHandedOver.v1/ev-2";

    private static Object[] twoLocationsOneClosed() {
        return new Object[]{new CnoLocationCounted(WIND_DOWN, "CNO-1", LocalDate.of(2022, 9, 1)),
                new CnoLocationCounted(WIND_DOWN, "CNO-2", LocalDate.of(2022, 9, 5)),
                new CnoLocationWoundDown(WIND_DOWN, "CNO-1", "closed", LocalDate.of(2022, 12, 1))};
    }

    @Test
    void the_last_cno_location_closing_before_the_due_moment_does_not_meet_the_wind_down_yet() {
        fixture.givenCurrentTime(DECEMBER_20)
                .andGivenCommands(SET_WIND_DOWN)
                .andGiven(twoLocationsOneClosed())
                .when(new CountCnoLocationWoundDown(WIND_DOWN, "CNO-2", HANDED_OVER, LocalDate.of(2022, 12, 19)))
                .expectEvents(new CnoLocationWoundDown(WIND_DOWN, "CNO-2", HANDED_OVER, LocalDate.of(2022, 12, 19)))
                .expectScheduledDeadline(Duration.between(DECEMBER_20, WIND_DOWN_DUE), new DueMomentReached(WIND_DOWN, WIND_DOWN_DUE));
    }

    @Test
    void every_location_counted_closed_by_the_due_moment_meets_the_wind_down_then_on_the_last_closings_date() {
        fixture.givenCurrentTime(DECEMBER_20)
                .andGivenCommands(SET_WIND_DOWN)
                .andGiven(twoLocationsOneClosed())
                .andGiven(new CnoLocationWoundDown(WIND_DOWN, "CNO-2", HANDED_OVER, LocalDate.of(2022, 12, 19)))
                .whenTimeElapses(Duration.ofDays(13))
                .expectTriggeredDeadlines(new DueMomentReached(WIND_DOWN, WIND_DOWN_DUE))
                .expectEvents(new DeadlineMet(WIND_DOWN, "every CNO location counted was closed or handed over by the due moment;"
                        + " the last: " + HANDED_OVER, LocalDate.of(2022, 12, 19)));
    }

    @Test
    void a_location_opened_after_an_early_closure_keeps_the_wind_down_open_and_it_is_missed_at_its_due_moment() {
        fixture.givenCurrentTime(DECEMBER_20)
                .andGivenCommands(SET_WIND_DOWN)
                .andGiven(twoLocationsOneClosed())
                .andGiven(new CnoLocationWoundDown(WIND_DOWN, "CNO-2", HANDED_OVER, LocalDate.of(2022, 12, 19)),
                        new CnoLocationCounted(WIND_DOWN, "CNO-3", LocalDate.of(2022, 12, 20)))
                .whenTimeElapses(Duration.ofDays(13))
                .expectEvents(new DeadlineMissed(WIND_DOWN, "III.2.4", "afbouw CNO afgerond", List.of("RIJK"), JANUARY_1,
                        WIND_DOWN_DUE, JANUARY_1));
    }

    @Test
    void after_a_miss_the_last_cno_location_closing_meets_the_wind_down_late() {
        fixture.givenCurrentTime(Instant.parse("2023-01-20T10:00:00Z"))
                .andGiven(new DeadlineSet(WIND_DOWN, "III.2.4", "afbouw CNO afgerond", List.of("RIJK"), JANUARY_1,
                                WIND_DOWN_DUE, "afbouw CNO afgerond", AGREED),
                        new CnoLocationCounted(WIND_DOWN, "CNO-3", LocalDate.of(2022, 12, 20)),
                        new DeadlineMissed(WIND_DOWN, "III.2.4", "afbouw CNO afgerond", List.of("RIJK"), JANUARY_1,
                                WIND_DOWN_DUE, JANUARY_1))
                .when(new CountCnoLocationWoundDown(WIND_DOWN, "CNO-3", "closed", LocalDate.of(2023, 1, 18)))
                .expectEvents(new CnoLocationWoundDown(WIND_DOWN, "CNO-3", "closed", LocalDate.of(2023, 1, 18)),
                        new DeadlineMetLate(WIND_DOWN, "every CNO location counted is closed or handed over; the last: closed",
                                LocalDate.of(2023, 1, 18)));
    }

    @Test
    void meeting_without_evidence_is_refused_naming_the_evidence() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGiven(WAS_SET)
                .when(new MeetDeadline(VISION, " ", LocalDate.of(2022, 9, 30), null))
                .expectException(violationOf("evidence"))
                .expectNoEvents();
    }

    @Test
    void meeting_on_a_date_still_to_come_is_refused() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGiven(WAS_SET)
                .when(new MeetDeadline(VISION, KAMERBRIEF, LocalDate.of(2022, 10, 1), null))
                .expectException(violationOf("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void a_deadline_met_once_cannot_be_met_again() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGiven(WAS_SET, new DeadlineMet(VISION, KAMERBRIEF, LocalDate.of(2022, 9, 29)))
                .when(new MeetDeadline(VISION, "another letter", LocalDate.of(2022, 9, 30), null))
                .expectException(violationOf("ref"))
                .expectNoEvents();
    }

    @Test
    void an_extension_to_a_date_not_after_the_current_one_is_refused_naming_new_due() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGiven(WAS_SET)
                .when(new ExtendDeadline(VISION, LocalDate.of(2022, 9, 15), "earlier"))
                .expectException(violationOf("newDue"))
                .expectNoEvents();
    }

    @Test
    void an_extension_without_a_reason_is_refused() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGiven(WAS_SET)
                .when(new ExtendDeadline(VISION, LocalDate.of(2022, 11, 1), ""))
                .expectException(violationOf("reason"))
                .expectNoEvents();
    }

    @Test
    void a_met_deadline_cannot_be_extended() {
        fixture.givenCurrentTime(SEPTEMBER_30_2359)
                .andGiven(WAS_SET, new DeadlineMet(VISION, KAMERBRIEF, LocalDate.of(2022, 9, 29)))
                .when(new ExtendDeadline(VISION, LocalDate.of(2022, 11, 1), "too late to ask"))
                .expectException(violationOf("ref"))
                .expectNoEvents();
    }

    private static Matcher<RuleViolation> violationOf(String field) {
        return new CustomTypeSafeMatcher<>("a rule violation on " + field) {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return field.equals(violation.field());
            }
        };
    }

    /** Business time is the fixture's time, so the stub deadline manager and the business clock agree. */
    private final class FixtureClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }

    @Test
    void the_cno_wind_down_loaded_from_its_snapshot_after_250_locations_is_met_late_by_the_last_one_and_only_by_it() {
        List<Object> history = new ArrayList<>(List.of(new DeadlineSet(WIND_DOWN, "III.2.4", "afbouw CNO afgerond",
                List.of("RIJK", "VR"), JANUARY_1, WIND_DOWN_DUE, "afbouw CNO afgerond", AGREED)));
        for (int i = 1; i <= 250; i++) {
            history.add(new CnoLocationCounted(WIND_DOWN, "CNO-" + i, LocalDate.of(2022, 9, 1)));
        }
        for (int i = 1; i < 250; i++) {
            history.add(new CnoLocationWoundDown(WIND_DOWN, "CNO-" + i, "closed", LocalDate.of(2022, 12, 1)));
        }
        history.add(new DeadlineMissed(WIND_DOWN, "III.2.4", "afbouw CNO afgerond", List.of("RIJK", "VR"), JANUARY_1,
                WIND_DOWN_DUE, JANUARY_1));
        Deadline loaded = SnapshotRoundTrip.afterSnapshot(Deadline.class, Deadline.idOf(WIND_DOWN), history.toArray());

        fixture.givenState(() -> loaded)
                .when(new CountCnoLocationWoundDown(WIND_DOWN, "CNO-7", "closed again", LocalDate.of(2023, 1, 19)))
                .expectNoEvents();
        AggregateTestFixture<Deadline> last = new AggregateTestFixture<>(Deadline.class);
        last.registerInjectableResource(new BusinessTime(new FixtureClock(), 1.0));
        last.givenState(() -> loaded)
                .when(new CountCnoLocationWoundDown(WIND_DOWN, "CNO-250", "handed over", LocalDate.of(2023, 1, 19)))
                .expectEvents(new CnoLocationWoundDown(WIND_DOWN, "CNO-250", "handed over", LocalDate.of(2023, 1, 19)),
                        new DeadlineMetLate(WIND_DOWN, "every CNO location counted is closed or handed over; the last: handed over",
                                LocalDate.of(2023, 1, 19)));
    }
}
