package nl.doorstroom.finance.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.finance.domain.FinanceCommands.NoteCnoLocation;
import nl.doorstroom.platform.inbound.InboundBatches;
import nl.doorstroom.platform.inbound.InboundMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Notes the CNO locations capacity-service reports, so claims can refer to them; other capacity events are skipped. */
@Component
public class CapacityEventsConsumer {

    static final String CNO_LOCATION_OPENED = CapacityEventsV1.type(CapacityEventsV1.CnoLocationOpened.class);

    private final InboundMessages inbound;
    private final InboundBatches batches;
    private final CommandGateway commands;

    public CapacityEventsConsumer(InboundMessages inbound, InboundBatches batches, CommandGateway commands) {
        this.inbound = inbound;
        this.batches = batches;
        this.commands = commands;
    }

    /** A poll at a time, in one transaction (InboundBatches); capacity's other events are skipped. */
    @KafkaListener(topics = CapacityEventsV1.TOPIC, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.applyAll(records, record -> inbound.readIfAccepted(record, Set.of(CNO_LOCATION_OPENED)).orElse(null), message -> {
            JsonNode d = message.data();
            commands.sendAndWait(NoteCnoLocation.of(d.get("locationId").asText(),
                    d.get("veiligheidsregio").asText(), LocalDate.parse(d.get("occurredOn").asText())));
        });
    }
}
