package nl.doorstroom.platform.register;

import nl.doorstroom.contracts.catalogue.CatalogueEntry;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import nl.doorstroom.platform.instances.StartupCommands;
import nl.doorstroom.platform.register.RegisterCommands.RegisterCommitment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start-up, registers the catalogue's commitments that this service owns; repeated starts change nothing. */
@Component
public class CatalogueRegistrar {

    private static final Logger log = LoggerFactory.getLogger(CatalogueRegistrar.class);

    private final CommandGateway commands;
    private final DoorstroomProperties properties;

    public CatalogueRegistrar(CommandGateway commands, DoorstroomProperties properties) {
        this.commands = commands;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerOwnCommitments() {
        CommitmentCatalogue catalogue = CommitmentCatalogue.load();
        var own = catalogue.ownedBy(properties.service());
        for (CatalogueEntry entry : own) {
            StartupCommands.send(commands, new RegisterCommitment(entry.ref(), entry.parent(), entry.title(), entry.owedBy(),
                    entry.service(), entry.target() == null ? null : entry.target().amount(),
                    entry.target() == null ? null : entry.target().unit(), entry.due(), entry.dueText(),
                    catalogue.version(), catalogue.agreedOn()));
        }
        log.info("{} commitments of catalogue version {} are in the {} register", own.size(), catalogue.version(), properties.service());
    }
}
