package nl.doorstroom.deadline.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.deadline.domain.DeadlineCommands.CountCnoLocation;
import nl.doorstroom.deadline.domain.DeadlineCommands.CountCnoLocationWoundDown;
import nl.doorstroom.platform.inbound.InboundBatches;
import nl.doorstroom.platform.inbound.InboundMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * III.2.4: the CNO wind-down is complete when every CNO location capacity-service reported opened is closed or
 * handed over. Other capacity events are skipped.
 */
@Component
public class CapacityEventsConsumer {

    public static final String TOPIC = CapacityEventsV1.TOPIC;
    static final String OPENED = CapacityEventsV1.type(CapacityEventsV1.CnoLocationOpened.class);
    static final String CLOSED = CapacityEventsV1.type(CapacityEventsV1.CnoLocationClosed.class);
    static final String HANDED_OVER = CapacityEventsV1.type(CapacityEventsV1.CnoLocationHandedOver.class);

    private final InboundMessages inbound;
    private final InboundBatches batches;
    private final CommandGateway commands;
    private final CatalogueDeadlines catalogue;

    public CapacityEventsConsumer(InboundMessages inbound, InboundBatches batches, CommandGateway commands,
                                  CatalogueDeadlines catalogue) {
        this.inbound = inbound;
        this.batches = batches;
        this.commands = commands;
        this.catalogue = catalogue;
    }

    /** A poll at a time, in one transaction (InboundBatches). */
    @KafkaListener(topics = TOPIC, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.applyAll(records, record -> inbound.readIfAccepted(record, Set.of(OPENED, CLOSED, HANDED_OVER)).orElse(null), message -> {
            JsonNode d = message.data();
            String locationId = d.get("locationId").asText();
            LocalDate occurredOn = LocalDate.parse(d.get("occurredOn").asText());
            // messages may arrive before the start-up has set the catalogue's deadlines
            catalogue.ensure(CatalogueDeadlines.CNO_WIND_DOWN);
            commands.sendAndWait(OPENED.equals(message.type())
                    ? new CountCnoLocation(CatalogueDeadlines.CNO_WIND_DOWN, locationId, occurredOn)
                    : new CountCnoLocationWoundDown(CatalogueDeadlines.CNO_WIND_DOWN, locationId,
                    FinanceEventsConsumer.evidence(message), occurredOn));
        });
    }
}
