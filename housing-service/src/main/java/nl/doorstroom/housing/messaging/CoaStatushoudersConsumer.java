package nl.doorstroom.housing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.housing.domain.Gemeente;
import nl.doorstroom.housing.domain.Gemeenten;
import nl.doorstroom.housing.domain.HousingCommands.LinkStatushouder;
import nl.doorstroom.housing.domain.HousingCommands.RecordHousing;
import nl.doorstroom.housing.domain.HousingForm;
import nl.doorstroom.housing.domain.Period;
import nl.doorstroom.platform.inbound.InboundMessage;
import nl.doorstroom.platform.inbound.InboundMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Turns COA's status-holder messages (linked to a municipality, housed) into housing commands, each applied once.
 * The schemas are closed, so a message carrying a name, a BSN or any other field never gets here: it is dead-lettered.
 */
@Component
public class CoaStatushoudersConsumer {

    private final InboundMessages inbound;
    private final CommandGateway commands;

    public CoaStatushoudersConsumer(InboundMessages inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
    }

    @KafkaListener(topics = InboundTopics.COA_STATUSHOUDERS)
    public void onStatushouder(ConsumerRecord<String, byte[]> record) {
        InboundMessage message = inbound.read(record, InboundTopics.COA_STATUSHOUDERS_TYPES);
        inbound.once(message, () -> commands.sendAndWait(toCommand(message)));
    }

    private static Object toCommand(InboundMessage message) {
        JsonNode d = message.data();
        String gemeente = current(d.get("gemeente").asText());
        String zaakId = d.get("zaakId").asText();
        LocalDate datum = LocalDate.parse(d.get("datum").asText());
        return switch (message.type()) {
            case InboundTopics.STATUSHOUDER_GEKOPPELD -> new LinkStatushouder(gemeente, zaakId, datum);
            case InboundTopics.STATUSHOUDER_GEHUISVEST -> new RecordHousing(gemeente, Period.containing(datum).toString(),
                    d.path("aantalPersonen").asInt(1), HousingForm.valueOf(d.get("huisvestingsvorm").asText()), zaakId, datum);
            default -> throw new IllegalStateException("type accepted but not mapped: " + message.type());
        };
    }

    /** COA may still use the code of a municipality that merged away; it counts for the one it joined. */
    private static String current(String gmCode) {
        return Gemeenten.find(gmCode).map(Gemeente::code).orElse(gmCode);
    }
}
