package nl.doorstroom.deadline.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.deadline.domain.DeadlineCommands.CountCnoLocation;
import nl.doorstroom.deadline.domain.DeadlineCommands.CountCnoLocationWoundDown;
import nl.doorstroom.platform.inbound.InboundMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
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
    private final CommandGateway commands;
    private final CatalogueDeadlines catalogue;

    public CapacityEventsConsumer(InboundMessages inbound, CommandGateway commands, CatalogueDeadlines catalogue) {
        this.inbound = inbound;
        this.commands = commands;
        this.catalogue = catalogue;
    }

    @KafkaListener(topics = TOPIC)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbound.readIfAccepted(record, Set.of(OPENED, CLOSED, HANDED_OVER)).ifPresent(message -> {
            JsonNode d = message.data();
            String locationId = d.get("locationId").asText();
            LocalDate occurredOn = LocalDate.parse(d.get("occurredOn").asText());
            // messages may arrive before the start-up has set the catalogue's deadlines
            catalogue.ensure(CatalogueDeadlines.CNO_WIND_DOWN);
            inbound.once(message, () -> commands.sendAndWait(OPENED.equals(message.type())
                    ? new CountCnoLocation(CatalogueDeadlines.CNO_WIND_DOWN, locationId, occurredOn)
                    : new CountCnoLocationWoundDown(CatalogueDeadlines.CNO_WIND_DOWN, locationId,
                    FinanceEventsConsumer.evidence(message), occurredOn)));
        });
    }
}
