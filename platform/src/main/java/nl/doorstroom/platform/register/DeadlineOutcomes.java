package nl.doorstroom.platform.register;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.catalogue.CatalogueEntry;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import nl.doorstroom.contracts.deadline.DeadlineEventsV1;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import nl.doorstroom.platform.inbound.InboundBatches;
import nl.doorstroom.platform.inbound.InboundMessage;
import nl.doorstroom.platform.inbound.InboundMessages;
import nl.doorstroom.platform.register.RegisterCommands.ReportCommitmentProgress;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentProgressReported;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dated deliverable of this service's (capacity's I.1, II.1 and III.2.4, housing's III.12.1, finance's III.10) is
 * met, missed or extended in the deadline service; its outcome on {@code doorstroom.deadline.events} becomes this
 * register's status, so the register and the deadline view give one answer. A further date of the same article
 * ({@code III.2.4/2023-01-01}) moves the article's entry too, its note naming the date. Outcomes of two dates of one
 * article travel under two keys, so they may arrive in either order (a new consumer reading the topic from its
 * start): the one decided later in business time stands, an earlier one arriving after it is not reported.
 * Deadlines that are not the catalogue's (a business case's 72 hours, {@code III.9/<id>}) are left alone.
 * A service reads the topic when its {@code doorstroom.inbound-topics} name it (capacity, housing, finance).
 */
@Component
@Conditional(DeadlineOutcomes.ReadsDeadlineEvents.class)
public class DeadlineOutcomes {

    public static final String TOPIC = DeadlineEventsV1.TOPIC;

    public static final String REPORTED_BY = "deadline-service";
    static final String MET = DeadlineEventsV1.type(DeadlineEventsV1.DeadlineMet.class);
    static final String MISSED = DeadlineEventsV1.type(DeadlineEventsV1.DeadlineMissed.class);
    static final String EXTENDED = DeadlineEventsV1.type(DeadlineEventsV1.DeadlineExtended.class);
    private static final Set<String> OUTCOMES = Set.of(MET, MISSED, EXTENDED);

    private final InboundMessages inbound;
    private final InboundBatches batches;
    private final CommandGateway commands;
    private final EventStore events;
    /** Deadline ref -> the register entry it decides, for this service's dated deliverables. */
    private final Map<String, String> entryOfDeadline;
    /** The entries decided by more than one date (III.2.4). */
    private final Set<String> withFurtherDates;

    public DeadlineOutcomes(InboundMessages inbound, InboundBatches batches, CommandGateway commands, EventStore events,
                            DoorstroomProperties properties) {
        this.inbound = inbound;
        this.batches = batches;
        this.commands = commands;
        this.events = events;
        this.entryOfDeadline = deadlinesOf(CommitmentCatalogue.load(), properties.service());
        this.withFurtherDates = entryOfDeadline.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue()))
                .map(Map.Entry::getValue).collect(Collectors.toUnmodifiableSet());
    }

    static Map<String, String> deadlinesOf(CommitmentCatalogue catalogue, String service) {
        Map<String, String> deadlines = new HashMap<>();
        for (CatalogueEntry entry : catalogue.ownedBy(service)) {
            if (entry.missable() && !entry.decidedByItsFigure()) {
                deadlines.put(entry.ref(), entry.ref());
            }
            for (CatalogueEntry.AlsoDue also : entry.also()) {
                if (also.missable()) {
                    deadlines.put(entry.ref() + "/" + also.due(), entry.ref());
                }
            }
        }
        return Map.copyOf(deadlines);
    }

    /** A poll at a time, in one transaction (InboundBatches); the register's own events on the topic are skipped. */
    @KafkaListener(topics = TOPIC, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.applyAll(records, record -> inbound.readIfAccepted(record, OUTCOMES).orElse(null), this::apply);
    }

    /** Reports the outcome as this register's status; an outcome of another service's deadline changes nothing. */
    void apply(InboundMessage message) {
        JsonNode d = message.data();
        String deadline = d.get("ref").asText();
        String entry = entryOfDeadline.get(deadline);
        if (entry == null) {
            return;
        }
        String prefix = deadline.equals(entry) ? "" : deadline + " ";
        CommitmentStatus status;
        String note;
        if (MET.equals(message.type())) {
            boolean late = d.get("late").asBoolean();
            status = late ? CommitmentStatus.LATE : CommitmentStatus.MET;
            note = prefix + (late ? "met late: " : "met: ") + d.get("evidence").asText();
        } else if (MISSED.equals(message.type())) {
            status = CommitmentStatus.MISSED;
            note = prefix + "due moment " + d.get("dueAt").asText() + " passed unmet";
        } else if (EXTENDED.equals(message.type())) {
            status = CommitmentStatus.EXTENDED;
            note = prefix + "extended to " + d.get("newDueOn").asText() + ": " + d.get("reason").asText();
        } else {
            return;
        }
        LocalDate on = LocalDate.parse(d.get("occurredOn").asText());
        if (withFurtherDates.contains(entry) && decidedLaterByAnotherDate(entry, deadline, on)) {
            return;
        }
        commands.sendAndWait(new ReportCommitmentProgress(entry, status, note, REPORTED_BY, on));
    }

    /**
     * The entry's latest outcome reported here is another date's and dated after {@code on}. Read from the entry's
     * events, which the poll's transaction sees as soon as a report is stored; the note names the date (above).
     */
    private boolean decidedLaterByAnotherDate(String entry, String deadline, LocalDate on) {
        // from sequence 0: readEvents(id) alone starts at the entry's snapshot
        CommitmentProgressReported latest = events.readEvents(entry, 0).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(e -> e instanceof CommitmentProgressReported r && REPORTED_BY.equals(r.reportedBy()))
                .map(CommitmentProgressReported.class::cast)
                .reduce(null, (a, b) -> b);
        if (latest == null || !latest.occurredOn().isAfter(on)) {
            return false;
        }
        String latestDeadline = latest.note().startsWith(entry + "/") ? latest.note().split(" ", 2)[0] : entry;
        return !latestDeadline.equals(deadline);
    }

    /** Listing {@code doorstroom.deadline.events} among a service's inbound topics is what makes it read them. */
    static class ReadsDeadlineEvents extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            List<String> topics = Binder.get(context.getEnvironment())
                    .bind("doorstroom.inbound-topics", Bindable.listOf(String.class)).orElse(List.of());
            return topics.contains(TOPIC) ? ConditionOutcome.match(TOPIC + " is an inbound topic")
                    : ConditionOutcome.noMatch(TOPIC + " is not an inbound topic");
        }
    }
}
