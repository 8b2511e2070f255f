package nl.doorstroom.platform.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.platform.register.CommitmentView.Basis;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentProgressReported;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentRegistered;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Why a commitment has its status: the basis, and the events of the event store it rests on. */
class CommitmentWhyTest {

    private static final LocalDate AGREED_ON = LocalDate.of(2022, 8, 26);
    private static final CommitmentRegistered COA_PLACES_REGISTERED = new CommitmentRegistered("INL.1", null,
            "COA heeft eind 2022 51.000 plekken nodig", List.of("RIJK", "COA"), "capacity", new BigDecimal("51000"),
            "plaatsen", LocalDate.of(2022, 12, 31), "aan het einde van 2022", 1, AGREED_ON);
    private static final String COA_PLACES = "COA places in open COA locations";

    private final List<DomainEventMessage<?>> stored = new ArrayList<>();

    private DomainEventMessage<?> given(Object event, Instant recordedAt) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Commitment", "INL.1", stored.size(), event,
                Map.of(), "event-" + stored.size(), recordedAt);
        stored.add(message);
        return message;
    }

    /** The live projection's fold: each stored event with its reference, as the handler passes it. */
    private CommitmentState live() {
        CommitmentState state = null;
        for (DomainEventMessage<?> m : stored) {
            state = CommitmentState.evolve(state, m.getPayload(), EventRef.of(m));
        }
        return state;
    }

    private static CommitmentProgressReported report(CommitmentStatus status, LocalDate on) {
        return new CommitmentProgressReported("INL.1", status, null, "ops", on);
    }

    @Test
    void an_event_is_named_as_the_event_store_and_the_history_name_it() {
        Instant recorded = Instant.parse("2022-10-01T09:30:00.123456Z");
        DomainEventMessage<?> m = given(report(CommitmentStatus.IN_PROGRESS, LocalDate.of(2022, 10, 1)), recorded);

        assertThat(EventRef.of(m)).isEqualTo(new EventRef("event-0", "INL.1", 0L, "CommitmentProgressReported",
                LocalDate.of(2022, 10, 1), recorded));
    }

    @Test
    void a_commitment_nobody_reported_on_is_open_because_it_was_registered() {
        DomainEventMessage<?> registered = given(COA_PLACES_REGISTERED, Instant.parse("2022-08-26T08:00:00Z"));

        CommitmentView view = CommitmentView.of(live(), null);

        assertThat(view.status()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(view.why().basis()).isEqualTo(Basis.REGISTERED);
        assertThat(view.why().events()).containsExactly(EventRef.of(registered));
        assertThat(view.why().measure()).isNull();
    }

    @Test
    void a_reported_status_rests_on_the_latest_report_and_the_registration() {
        DomainEventMessage<?> registered = given(COA_PLACES_REGISTERED, Instant.parse("2022-08-26T08:00:00Z"));
        given(report(CommitmentStatus.IN_PROGRESS, LocalDate.of(2022, 10, 1)), Instant.parse("2022-10-01T09:00:00Z"));
        DomainEventMessage<?> missed = given(report(CommitmentStatus.MISSED, LocalDate.of(2023, 1, 2)),
                Instant.parse("2023-01-02T09:00:00Z"));

        CommitmentView view = CommitmentView.of(live(), null);

        assertThat(view.status()).isEqualTo(CommitmentStatus.MISSED);
        assertThat(view.why().basis()).isEqualTo(Basis.REPORTED);
        assertThat(view.why().events()).extracting(EventRef::eventIdentifier)
                .containsExactly(registered.getIdentifier(), missed.getIdentifier());
    }

    @Test
    void a_later_catalogue_version_is_the_registration_named_and_the_report_still_stands() {
        given(COA_PLACES_REGISTERED, Instant.parse("2022-08-26T08:00:00Z"));
        DomainEventMessage<?> reported = given(report(CommitmentStatus.IN_PROGRESS, LocalDate.of(2022, 10, 1)),
                Instant.parse("2022-10-01T09:00:00Z"));
        DomainEventMessage<?> v2 = given(new CommitmentRegistered("INL.1", null, "COA: 51.000 plekken eind 2022",
                List.of("RIJK", "COA"), "capacity", new BigDecimal("51000"), "plaatsen", LocalDate.of(2022, 12, 31),
                "aan het einde van 2022", 2, AGREED_ON), Instant.parse("2022-11-01T09:00:00Z"));

        CommitmentView.Why why = CommitmentView.of(live(), null).why();

        assertThat(why.basis()).isEqualTo(Basis.REPORTED);
        assertThat(why.events()).as("in the order they were stored")
                .containsExactly(EventRef.of(reported), EventRef.of(v2));
    }

    @Test
    void a_figure_past_the_target_makes_it_met_on_the_measure_and_the_registration_that_set_the_target() {
        DomainEventMessage<?> registered = given(COA_PLACES_REGISTERED, Instant.parse("2022-08-26T08:00:00Z"));
        given(report(CommitmentStatus.IN_PROGRESS, LocalDate.of(2022, 10, 1)), Instant.parse("2022-10-01T09:00:00Z"));
        EventRef opened = new EventRef("coa-1", "COA-BUDEL", 0L, "CoaLocationRegistered", LocalDate.of(2022, 12, 20),
                Instant.parse("2022-12-20T10:00:00Z"));
        Measurement measured = Measurement.of(new BigDecimal("51200"), COA_PLACES, FigureEvents.NONE.with(opened));

        CommitmentView view = CommitmentView.of(live(), measured);

        assertThat(view.status()).isEqualTo(CommitmentStatus.MET);
        assertThat(view.why().basis()).isEqualTo(Basis.MEASURED);
        assertThat(view.why().events()).containsExactly(EventRef.of(registered));
        assertThat(view.why().measure().description()).isEqualTo(COA_PLACES);
        assertThat(view.why().measure().eventCount()).isEqualTo(1);
        assertThat(view.why().measure().events()).containsExactly(opened);
    }

    @Test
    void a_figure_of_zero_decides_nothing_so_the_registration_stands_and_the_figure_is_shown() {
        given(COA_PLACES_REGISTERED, Instant.parse("2022-08-26T08:00:00Z"));

        CommitmentView view = CommitmentView.of(live(), Measurement.of(BigDecimal.ZERO, COA_PLACES, FigureEvents.NONE));

        assertThat(view.status()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(view.why().basis()).isEqualTo(Basis.REGISTERED);
        assertThat(view.why().measure().eventCount()).isZero();
    }

    @Test
    void a_reported_miss_rests_on_the_report_even_when_a_figure_is_measured() {
        given(COA_PLACES_REGISTERED, Instant.parse("2022-08-26T08:00:00Z"));
        DomainEventMessage<?> missed = given(report(CommitmentStatus.MISSED, LocalDate.of(2023, 1, 2)),
                Instant.parse("2023-01-02T09:00:00Z"));

        CommitmentView view = CommitmentView.of(live(), Measurement.figureOnly(new BigDecimal("48000")));

        assertThat(view.status()).isEqualTo(CommitmentStatus.MISSED);
        assertThat(view.why().basis()).isEqualTo(Basis.REPORTED);
        assertThat(view.why().events()).last().isEqualTo(EventRef.of(missed));
        assertThat(view.why().measure().events()).as("a measure that names no events").isNull();
    }

    @Test
    void the_point_in_time_answer_names_the_same_events_as_the_live_register_did_then() {
        given(COA_PLACES_REGISTERED, Instant.parse("2022-08-26T08:00:00Z"));
        given(report(CommitmentStatus.IN_PROGRESS, LocalDate.of(2022, 10, 1)), Instant.parse("2022-10-01T09:00:00Z"));
        CommitmentView.Why liveThen = CommitmentView.of(live(), null).why();
        given(report(CommitmentStatus.MET, LocalDate.of(2022, 12, 31)), Instant.parse("2023-01-05T09:00:00Z"));
        EventStore events = mock(EventStore.class);
        when(events.readEvents("INL.1", 0L)).thenAnswer(i -> DomainEventStream.of(List.copyOf(stored)));
        CommitmentsAsOf asOf = new CommitmentsAsOf(events);

        assertThat(asOf.one("INL.1", Instant.parse("2022-12-01T00:00:00Z"), null).why()).isEqualTo(liveThen);
        assertThat(asOf.one("INL.1", null, LocalDate.of(2022, 12, 1)).why()).isEqualTo(liveThen);
        assertThat(asOf.one("INL.1", null, LocalDate.of(2022, 12, 31)).why()).isEqualTo(CommitmentView.of(live(), null).why());
    }

    @Test
    void an_entry_stored_before_events_were_named_still_reads_and_keeps_its_basis() throws Exception {
        CommitmentState old = new ObjectMapper().findAndRegisterModules().readValue("""
                {"ref":"INL.1","title":"COA heeft eind 2022 51.000 plekken nodig","owedBy":["RIJK","COA"],
                 "service":"capacity","targetAmount":51000,"targetUnit":"plaatsen","due":"2022-12-31",
                 "reportedStatus":"IN_PROGRESS","reportedBy":"ops","lastReportedOn":"2022-10-01"}""", CommitmentState.class);

        CommitmentView view = CommitmentView.of(old, null);

        assertThat(view.why().basis()).isEqualTo(Basis.REPORTED);
        assertThat(view.why().events()).isEmpty();
    }

    @Test
    void a_figures_events_are_counted_in_full_and_the_latest_kept_newest_first_across_its_rows() {
        FigureEvents budel = FigureEvents.NONE;
        FigureEvents tera = FigureEvents.NONE;
        for (int day = 1; day <= 8; day++) {
            budel = budel.with(ref("COA-BUDEL", day - 1, Instant.parse("2022-09-%02dT10:00:00Z".formatted(2 * day))));
            tera = tera.with(ref("COA-TER-APEL", day - 1, Instant.parse("2022-09-%02dT10:00:00Z".formatted(2 * day + 1))));
        }

        assertThat(budel.count()).isEqualTo(8);
        assertThat(budel.latest()).hasSize(FigureEvents.KEPT).first().extracting(EventRef::sequenceNumber).isEqualTo(7L);
        FigureEvents merged = FigureEvents.merge(List.of(budel, tera, FigureEvents.NONE));
        assertThat(merged.count()).isEqualTo(16);
        assertThat(merged.latest()).extracting(r -> r.aggregateIdentifier() + "#" + r.sequenceNumber())
                .containsExactly("COA-TER-APEL#7", "COA-BUDEL#7", "COA-TER-APEL#6", "COA-BUDEL#6", "COA-TER-APEL#5");
    }

    @Test
    void a_row_stored_before_rows_kept_their_events_makes_the_figures_events_unknown_not_fewer() {
        FigureEvents known = FigureEvents.after(FigureEvents.NONE, true, ref("COA-BUDEL", 0, Instant.parse("2022-09-01T10:00:00Z")));
        FigureEvents unknown = FigureEvents.after(null, true, ref("COA-TER-APEL", 3, Instant.parse("2022-09-02T10:00:00Z")));

        assertThat(unknown).isNull();
        assertThat(FigureEvents.after(known, false, ref("COA-BUDEL", 1, Instant.parse("2022-09-03T10:00:00Z")))).isSameAs(known);
        Measurement measured = Measurement.of(new BigDecimal("1300"), COA_PLACES, FigureEvents.merge(java.util.Arrays.asList(known, unknown)));
        assertThat(measured.eventCount()).isNull();
        assertThat(measured.events()).isNull();
    }

    private static EventRef ref(String location, long sequence, Instant recordedAt) {
        return new EventRef(location + "-" + sequence, location, sequence, "CoaCapacityChanged",
                LocalDate.ofInstant(recordedAt, java.time.ZoneOffset.UTC), recordedAt);
    }
}
