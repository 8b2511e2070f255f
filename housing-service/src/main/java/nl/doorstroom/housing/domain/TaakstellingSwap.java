package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingCommands.ReceiveSwappedTaakstelling;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwappedOut;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Gives the receiving municipality its side of a swap (III.5). It runs in the processor that assigns the
 * taakstelling, so a swap is passed on only after every assignment distributed before it. The receiver takes a swap
 * id once, so a retried batch is harmless; a replay never reaches it.
 */
@Component
@ProcessingGroup(TaakstellingAssignment.PROCESSING_GROUP)
@DisallowReplay
public class TaakstellingSwap {

    private final CommandGateway commands;

    public TaakstellingSwap(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(TaakstellingSwappedOut event) {
        commands.sendAndWait(new ReceiveSwappedTaakstelling(event.toGemeente(), event.swapId(), event.period(),
                event.gemeente(), event.persons(), event.compensation(), event.occurredOn()));
    }
}
