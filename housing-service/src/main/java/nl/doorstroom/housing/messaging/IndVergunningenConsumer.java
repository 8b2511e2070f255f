package nl.doorstroom.housing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.housing.domain.HousingCommands.RecordVergunningen;
import nl.doorstroom.housing.domain.VergunningType;
import nl.doorstroom.platform.inbound.InboundMessage;
import nl.doorstroom.platform.inbound.InboundMessages;
import nl.doorstroom.platform.time.BusinessDates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/** Turns IND's weekly counts of permits granted into commands, each applied once; they feed the waiting count. */
@Component
public class IndVergunningenConsumer {

    private final InboundMessages inbound;
    private final CommandGateway commands;

    public IndVergunningenConsumer(InboundMessages inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
    }

    @KafkaListener(topics = InboundTopics.IND_VERGUNNINGEN)
    public void onVergunningen(ConsumerRecord<String, byte[]> record) {
        InboundMessage message = inbound.read(record, InboundTopics.IND_VERGUNNINGEN_TYPES);
        JsonNode d = message.data();
        Map<VergunningType, Integer> counts = new EnumMap<>(VergunningType.class);
        d.get("aantallen").fields().forEachRemaining(f -> counts.put(VergunningType.valueOf(f.getKey()), f.getValue().asInt()));
        String week = d.get("week").asText();
        inbound.once(message, () -> commands.sendAndWait(new RecordVergunningen(week, counts, BusinessDates.mondayOf(week))));
    }
}
