package nl.doorstroom.platform.register;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.register.RegisterCommands.RegisterCommitment;
import nl.doorstroom.platform.register.RegisterCommands.ReportCommitmentProgress;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentProgressReported;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentRegistered;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One commitment of the agreement, known by its article reference. */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = Snapshots.CACHE)
// a snapshot is these fields as JSON; a change to them or to a fold raises the revision, and older snapshots are passed over
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public class Commitment {

    @AggregateIdentifier
    private String ref;
    private CommitmentRegistered registration;

    protected Commitment() {
    }

    /** Registering is idempotent: the same catalogue entry again changes nothing; a changed one is recorded. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterCommitment command) {
        CommitmentRegistered registered = new CommitmentRegistered(command.ref(), command.parent(), command.title(),
                command.owedBy(), command.service(), command.targetAmount(), command.targetUnit(), command.due(),
                command.dueText(), command.catalogueVersion(), command.agreedOn());
        if (!registered.equals(registration)) {
            apply(registered);
        }
    }

    @CommandHandler
    public void handle(ReportCommitmentProgress command) {
        if (command.status() == null) {
            throw new RuleViolation("status", "a progress report names the status the commitment reached");
        }
        if (command.occurredOn() == null) {
            throw new RuleViolation("occurredOn", "a progress report names the date it is about");
        }
        if (command.occurredOn().isBefore(registration.occurredOn())) {
            throw new RuleViolation("occurredOn", "progress cannot be dated before the agreement of " + registration.occurredOn());
        }
        apply(new CommitmentProgressReported(ref, command.status(), command.note(), command.reportedBy(), command.occurredOn()));
    }

    @EventSourcingHandler
    void on(CommitmentRegistered event) {
        this.ref = event.ref();
        this.registration = event;
    }
}
