package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingCommands.AssignTaakstelling;
import nl.doorstroom.housing.domain.HousingEvents.GemeenteShare;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingDistributed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Hands each municipality its share once a national taakstelling is distributed. The assignments commit with
 * this processor's token (one transaction), and assigning the same share again changes nothing, so a retried
 * batch is harmless; a replay never reaches it.
 */
@Component
@ProcessingGroup(TaakstellingAssignment.PROCESSING_GROUP)
@DisallowReplay
public class TaakstellingAssignment {

    public static final String PROCESSING_GROUP = "taakstelling-assignment";

    private final CommandGateway commands;

    public TaakstellingAssignment(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(TaakstellingDistributed event) {
        for (GemeenteShare share : event.shares()) {
            commands.sendAndWait(new AssignTaakstelling(share.gemeente(), event.period(), share.share(), event.occurredOn()));
        }
    }
}
