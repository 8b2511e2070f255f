package nl.doorstroom.platform.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import nl.doorstroom.platform.inbound.InboundBatches;
import nl.doorstroom.platform.inbound.InboundMessage;
import nl.doorstroom.platform.inbound.InboundMessages;
import nl.doorstroom.platform.register.RegisterCommands.ReportCommitmentProgress;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentProgressReported;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The deadline service's outcome of a service's own dated deliverable is that service's register status. */
class DeadlineOutcomesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final EventStore events = mock(EventStore.class);
    private final List<Object> stored = new ArrayList<>();

    DeadlineOutcomesTest() {
        when(events.readEvents(anyString(), anyLong())).thenAnswer(i -> DomainEventStream.of(stored.stream()
                .<DomainEventMessage<?>>map(e -> new GenericDomainEventMessage<>("Commitment", i.getArgument(0), 0, e))
                .toList()));
    }

    private DeadlineOutcomes of(String service) {
        DoorstroomProperties properties = mock(DoorstroomProperties.class);
        when(properties.service()).thenReturn(service);
        return new DeadlineOutcomes(mock(InboundMessages.class), mock(InboundBatches.class), commands, events, properties);
    }

    private static InboundMessage message(String type, String data) throws Exception {
        return new InboundMessage("doorstroom.deadline.events", UUID.randomUUID().toString(), type, "/deadline-service",
                null, JSON.readTree(data), null);
    }

    @Test
    void a_service_follows_the_deadlines_of_its_own_dated_deliverables_and_no_others() {
        assertThat(DeadlineOutcomes.deadlinesOf(CommitmentCatalogue.load(), "capacity"))
                .containsEntry("I.1", "I.1").containsEntry("II.1", "II.1").containsEntry("III.2.4", "III.2.4")
                .containsEntry("III.2.4/2023-01-01", "III.2.4")
                .doesNotContainKeys("INL.1", "I.1/2022-10-01", "III.2.1", "III.12.1");
        assertThat(DeadlineOutcomes.deadlinesOf(CommitmentCatalogue.load(), "housing")).containsOnlyKeys("III.12.1");
        assertThat(DeadlineOutcomes.deadlinesOf(CommitmentCatalogue.load(), "finance")).containsOnlyKeys("III.10");
    }

    @Test
    void met_late_after_a_miss_is_reported_late_on_the_articles_entry_naming_the_date() throws Exception {
        of("capacity").apply(message(DeadlineOutcomes.MET, """
                {"ref":"III.2.4/2023-01-01","article":"III.2.4","evidence":"nl.doorstroom.capacity.CnoLocationClosed.v1/e-9",
                 "late":true,"occurredOn":"2023-01-12"}"""));
        verify(commands).sendAndWait(new ReportCommitmentProgress("III.2.4", CommitmentStatus.LATE,
                "III.2.4/2023-01-01 met late: nl.doorstroom.capacity.CnoLocationClosed.v1/e-9", "deadline-service",
                LocalDate.of(2023, 1, 12)));
    }

    @Test
    void missed_and_extended_are_reported_as_they_are() throws Exception {
        DeadlineOutcomes housing = of("housing");
        housing.apply(message(DeadlineOutcomes.EXTENDED, """
                {"ref":"III.12.1","article":"III.12.1","previousDueOn":"2022-12-31","newDueOn":"2023-02-15",
                 "newDueAt":"2023-02-15T23:00:00Z","reason":"LRT van januari","occurredOn":"2022-12-20"}"""));
        verify(commands).sendAndWait(new ReportCommitmentProgress("III.12.1", CommitmentStatus.EXTENDED,
                "extended to 2023-02-15: LRT van januari", "deadline-service", LocalDate.of(2022, 12, 20)));
        of("capacity").apply(message(DeadlineOutcomes.MISSED, """
                {"ref":"II.1","article":"II.1","title":"t","owedBy":["RIJK"],"dueOn":"2022-10-01",
                 "dueAt":"2022-10-01T22:00:00Z","occurredOn":"2022-10-01"}"""));
        verify(commands).sendAndWait(new ReportCommitmentProgress("II.1", CommitmentStatus.MISSED,
                "due moment 2022-10-01T22:00:00Z passed unmet", "deadline-service", LocalDate.of(2022, 10, 1)));
    }

    @Test
    void of_two_dates_of_one_article_the_outcome_decided_later_stands_in_whatever_order_they_arrive() throws Exception {
        stored.add(new CommitmentProgressReported("III.2.4", CommitmentStatus.LATE,
                "III.2.4/2023-01-01 met late: e-9", "deadline-service", LocalDate.of(2023, 1, 12)));
        DeadlineOutcomes capacity = of("capacity");
        capacity.apply(message(DeadlineOutcomes.MET, """
                {"ref":"III.2.4","article":"III.2.4","evidence":"e-1","late":false,"occurredOn":"2022-09-30"}"""));
        verify(commands, never()).sendAndWait(any());

        capacity.apply(message(DeadlineOutcomes.EXTENDED, """
                {"ref":"III.2.4/2023-01-01","article":"III.2.4","previousDueOn":"2023-01-01","newDueOn":"2023-03-01",
                 "newDueAt":"2023-03-01T23:00:00Z","reason":"r","occurredOn":"2022-12-01"}"""));
        verify(commands).sendAndWait(new ReportCommitmentProgress("III.2.4", CommitmentStatus.EXTENDED,
                "III.2.4/2023-01-01 extended to 2023-03-01: r", "deadline-service", LocalDate.of(2022, 12, 1)));
    }

    @Test
    void another_services_deadline_and_a_business_cases_72_hours_change_nothing() throws Exception {
        DeadlineOutcomes finance = of("finance");
        finance.apply(message(DeadlineOutcomes.MET, """
                {"ref":"III.9/BC-1","article":"III.9","evidence":"e","late":false,"occurredOn":"2022-10-03"}"""));
        finance.apply(message(DeadlineOutcomes.MET, """
                {"ref":"III.2.1","article":"III.2.1","evidence":"e","late":false,"occurredOn":"2022-09-29"}"""));
        verify(commands, never()).sendAndWait(any());
    }
}
