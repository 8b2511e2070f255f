package nl.doorstroom.deadline.messaging;

import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineExtended;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMet;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMetLate;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMissed;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import nl.doorstroom.platform.register.CommitmentStatus;
import nl.doorstroom.platform.register.RegisterCommands.ReportCommitmentProgress;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deadline service's own commitments (catalogue entries with {@code service: deadline}) take their register
 * status from their deadline: met is MET, met late is LATE, missed is MISSED, extended is EXTENDED (a miss before
 * it stays in the register's history, and meeting it after that is LATE). The register only
 * derives a status from a measured figure when there is a target, and these commitments have none, so the status
 * is reported as the platform's ReportCommitmentProgress; the register's events keep it. Never replayed: a
 * rebuild reports nothing again.
 */
@Component
@ProcessingGroup(RegisterStatusReporter.PROCESSING_GROUP)
@DisallowReplay
public class RegisterStatusReporter {

    public static final String PROCESSING_GROUP = "deadline-register-report";
    static final String REPORTED_BY = "deadline-service";

    private final CommandGateway commands;
    private final Set<String> ownCommitments;

    public RegisterStatusReporter(CommandGateway commands, DoorstroomProperties properties) {
        this.commands = commands;
        this.ownCommitments = CommitmentCatalogue.load().ownedBy(properties.service()).stream()
                .map(e -> e.ref()).collect(Collectors.toUnmodifiableSet());
    }

    @EventHandler
    void on(DeadlineMet event) {
        report(event.ref(), CommitmentStatus.MET, "met: " + event.evidence(), event.occurredOn());
    }

    @EventHandler
    void on(DeadlineMetLate event) {
        report(event.ref(), CommitmentStatus.LATE, "met late: " + event.evidence(), event.occurredOn());
    }

    @EventHandler
    void on(DeadlineMissed event) {
        report(event.ref(), CommitmentStatus.MISSED, "due moment " + event.dueAt() + " passed unmet", event.occurredOn());
    }

    @EventHandler
    void on(DeadlineExtended event) {
        report(event.ref(), CommitmentStatus.EXTENDED, "extended to " + event.newDueOn() + ": " + event.reason(), event.occurredOn());
    }

    private void report(String ref, CommitmentStatus status, String note, LocalDate occurredOn) {
        if (ownCommitments.contains(ref)) {
            commands.sendAndWait(new ReportCommitmentProgress(ref, status, note, REPORTED_BY, occurredOn));
        }
    }
}
