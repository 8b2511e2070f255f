package nl.doorstroom.capacity.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.capacity.domain.CapacityCommands.RecordUitstroom;
import nl.doorstroom.platform.inbound.InboundBatches;
import nl.doorstroom.platform.inbound.InboundMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Reads housing-service's events for the outflow from reception; every other housing event is skipped. */
@Component
public class HousingEventsConsumer {

    public static final String TOPIC = "doorstroom.housing.events";
    static final String STATUSHOUDERS_HOUSED = "nl.doorstroom.housing.StatushoudersHoused.v1";

    private final InboundMessages inbound;
    private final InboundBatches batches;
    private final CommandGateway commands;

    public HousingEventsConsumer(InboundMessages inbound, InboundBatches batches, CommandGateway commands) {
        this.inbound = inbound;
        this.batches = batches;
        this.commands = commands;
    }

    /** A poll at a time, in one transaction (InboundBatches); housing's other events are skipped. */
    @KafkaListener(topics = TOPIC, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.applyAll(records, record -> inbound.readIfAccepted(record, Set.of(STATUSHOUDERS_HOUSED)).orElse(null), message -> {
            JsonNode d = message.data();
            commands.sendAndWait(new RecordUitstroom(d.get("gemeente").asText(),
                    d.get("period").asText(), d.get("persons").asInt(), LocalDate.parse(d.get("occurredOn").asText())));
        });
    }
}
