package nl.doorstroom.finance.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.finance.domain.FinanceCommands.NoteCnoLocation;
import nl.doorstroom.platform.inbound.InboundMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Set;

/** Notes the CNO locations capacity-service reports, so claims can refer to them; other capacity events are skipped. */
@Component
public class CapacityEventsConsumer {

    static final String CNO_LOCATION_OPENED = CapacityEventsV1.type(CapacityEventsV1.CnoLocationOpened.class);

    private final InboundMessages inbound;
    private final CommandGateway commands;

    public CapacityEventsConsumer(InboundMessages inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
    }

    @KafkaListener(topics = CapacityEventsV1.TOPIC)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbound.readIfAccepted(record, Set.of(CNO_LOCATION_OPENED)).ifPresent(message -> {
            JsonNode d = message.data();
            inbound.once(message, () -> commands.sendAndWait(NoteCnoLocation.of(d.get("locationId").asText(),
                    d.get("veiligheidsregio").asText(), LocalDate.parse(d.get("occurredOn").asText()))));
        });
    }
}
