package nl.doorstroom.platform.instances;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Commands a service sends at start-up to create what the agreement fixes (its commitments, deadlines, budget lines):
 * idempotent against the aggregate once it exists. Two instances starting together may both find it missing; the
 * one that loses the creation sends its command again, now against the aggregate the other created.
 */
public final class StartupCommands {

    private StartupCommands() {
    }

    public static <R> R send(CommandGateway commands, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (!createdMeanwhile(e)) {
                throw e;
            }
            return commands.sendAndWait(command);
        }
    }

    private static boolean createdMeanwhile(Throwable failure) {
        return Causes.include(failure, AggregateStreamCreationException.class);
    }
}
