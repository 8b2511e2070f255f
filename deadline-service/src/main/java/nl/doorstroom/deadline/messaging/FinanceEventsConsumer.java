package nl.doorstroom.deadline.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.finance.FinanceEventsV1;
import nl.doorstroom.deadline.domain.DeadlineCommands.MeetDeadline;
import nl.doorstroom.deadline.domain.DeadlineCommands.SetDeadline;
import nl.doorstroom.deadline.domain.DueMoment;
import nl.doorstroom.platform.inbound.InboundBatches;
import nl.doorstroom.platform.inbound.InboundMessage;
import nl.doorstroom.platform.inbound.InboundMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * III.9: the Rijk assesses each business case within 72 hours. A submission in finance-service starts that
 * deadline ({@code III.9/<businessCaseId>}); its assessment meets it. Other finance events are skipped.
 */
@Component
public class FinanceEventsConsumer {

    public static final String TOPIC = FinanceEventsV1.TOPIC;
    public static final Duration ASSESSMENT_TIME = Duration.ofHours(72);
    static final String SUBMITTED = FinanceEventsV1.type(FinanceEventsV1.BusinessCaseSubmitted.class);
    static final String ASSESSED = FinanceEventsV1.type(FinanceEventsV1.BusinessCaseAssessed.class);

    private final InboundMessages inbound;
    private final InboundBatches batches;
    private final CommandGateway commands;

    public FinanceEventsConsumer(InboundMessages inbound, InboundBatches batches, CommandGateway commands) {
        this.inbound = inbound;
        this.batches = batches;
        this.commands = commands;
    }

    public static String refOf(String businessCaseId) {
        return "III.9/" + businessCaseId;
    }

    /** A poll at a time, in one transaction (InboundBatches); finance's other events are skipped. */
    @KafkaListener(topics = TOPIC, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.applyAll(records, record -> inbound.readIfAccepted(record, Set.of(SUBMITTED, ASSESSED)).orElse(null), message -> {
            JsonNode d = message.data();
            String ref = refOf(d.get("businessCaseId").asText());
            if (SUBMITTED.equals(message.type())) {
                Instant dueAt = Instant.parse(d.get("submittedAt").asText()).plus(ASSESSMENT_TIME);
                commands.sendAndWait(new SetDeadline(ref, "III.9",
                        "Business case " + d.get("businessCaseId").asText() + " of " + d.get("gemeente").asText()
                                + " assessed within 72 hours", List.of("RIJK"), DueMoment.dateOf(dueAt), dueAt,
                        "binnen 72 uur", LocalDate.parse(d.get("occurredOn").asText())));
            } else {
                commands.sendAndWait(new MeetDeadline(ref, evidence(message),
                        LocalDate.parse(d.get("occurredOn").asText()), Instant.parse(d.get("assessedAt").asText())));
            }
        });
    }

    static String evidence(InboundMessage message) {
        return message.type() + "/" + message.id();
    }
}
