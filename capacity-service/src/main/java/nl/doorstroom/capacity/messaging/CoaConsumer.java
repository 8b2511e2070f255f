package nl.doorstroom.capacity.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.capacity.domain.CapacityCommands.ChangeCoaCapacity;
import nl.doorstroom.capacity.domain.CapacityCommands.CloseCoaLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.ReassignCoaPlaces;
import nl.doorstroom.capacity.domain.CapacityCommands.RegisterCoaLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.ReportCoaOccupancy;
import nl.doorstroom.capacity.domain.Doelgroep;
import nl.doorstroom.platform.inbound.InboundMessage;
import nl.doorstroom.platform.inbound.InboundBatches;
import nl.doorstroom.platform.inbound.InboundMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns COA's location and occupancy messages into capacity commands, each applied once. */
@Component
public class CoaConsumer {

    private final InboundMessages inbound;
    private final InboundBatches batches;
    private final CommandGateway commands;

    public CoaConsumer(InboundMessages inbound, InboundBatches batches, CommandGateway commands) {
        this.inbound = inbound;
        this.batches = batches;
        this.commands = commands;
    }

    /** A poll of COA's location messages at a time: one commit for all of them (InboundBatches). */
    @KafkaListener(topics = CoaTopics.LOCATIES, batch = "true")
    public void onLocaties(List<ConsumerRecord<String, byte[]>> records) {
        batches.applyAll(records, record -> inbound.read(record, CoaTopics.LOCATIES_TYPES),
                message -> commands.sendAndWait(toCommand(message)));
    }

    @KafkaListener(topics = CoaTopics.BEZETTING, batch = "true")
    public void onBezettingen(List<ConsumerRecord<String, byte[]>> records) {
        batches.applyAll(records, record -> inbound.read(record, CoaTopics.BEZETTING_TYPES), message -> {
            JsonNode d = message.data();
            commands.sendAndWait(new ReportCoaOccupancy(d.get("locatieId").asText(), counts(d.get("bezetting")), date(d, "peildatum")));
        });
    }

    private static Object toCommand(InboundMessage message) {
        JsonNode d = message.data();
        String id = d.get("locatieId").asText();
        return switch (message.type()) {
            case CoaTopics.LOCATIE_GEOPEND -> new RegisterCoaLocation(id, d.get("naam").asText(), counts(d.get("plaatsen")),
                    d.path("onderNormaal").asBoolean(false), date(d, "datum"));
            case CoaTopics.CAPACITEIT_GEWIJZIGD -> new ChangeCoaCapacity(id, counts(d.get("plaatsen")), date(d, "datum"));
            case CoaTopics.PLAATSEN_OMGEZET -> new ReassignCoaPlaces(id, Doelgroep.valueOf(d.get("van").asText()),
                    Doelgroep.valueOf(d.get("naar").asText()), d.get("aantal").asInt(), date(d, "datum"));
            case CoaTopics.LOCATIE_GESLOTEN -> new CloseCoaLocation(id, date(d, "datum"));
            default -> throw new IllegalStateException("type accepted but not mapped: " + message.type());
        };
    }

    private static Map<Doelgroep, Integer> counts(JsonNode node) {
        Map<Doelgroep, Integer> counts = new EnumMap<>(Doelgroep.class);
        node.fields().forEachRemaining(f -> counts.put(Doelgroep.valueOf(f.getKey()), f.getValue().asInt()));
        return counts;
    }

    private static LocalDate date(JsonNode data, String field) {
        return LocalDate.parse(data.get(field).asText());
    }
}
