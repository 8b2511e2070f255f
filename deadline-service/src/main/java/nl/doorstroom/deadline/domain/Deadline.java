package nl.doorstroom.deadline.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import nl.doorstroom.deadline.domain.DeadlineCommands.CountCnoLocation;
import nl.doorstroom.deadline.domain.DeadlineCommands.CountCnoLocationWoundDown;
import nl.doorstroom.deadline.domain.DeadlineCommands.ExtendDeadline;
import nl.doorstroom.deadline.domain.DeadlineCommands.MeetDeadline;
import nl.doorstroom.deadline.domain.DeadlineCommands.RescheduleDueMoment;
import nl.doorstroom.deadline.domain.DeadlineCommands.SetDeadline;
import nl.doorstroom.deadline.domain.DeadlineEvents.CnoLocationCounted;
import nl.doorstroom.deadline.domain.DeadlineEvents.CnoLocationWoundDown;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineExtended;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMet;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMetLate;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMissed;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineSet;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One dated commitment of the agreement, with its owner parties and due moment. It is met (with evidence), missed
 * when its due moment passes unmet, met late after that, or extended to a later date. An extension after a miss
 * does not erase it: met by the new date, it is still met late.
 * <p>
 * Only command handlers schedule the due moment with the deadline manager, so rebuilding from events (a replay,
 * or loading the aggregate) never schedules or fires anything.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = Snapshots.CACHE)
// a snapshot is these fields as JSON; a change to them or to a fold raises the revision, and older snapshots are passed over
@Revision("3")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public class Deadline {

    /** The name under which the due moment is scheduled with Axon's deadline manager. */
    public static final String DUE_MOMENT = "due-moment";

    @AggregateIdentifier
    private String id;
    private String ref;
    private String article;
    private String title;
    private List<String> owedBy;
    private LocalDate setOn;
    private LocalDate dueOn;
    private Instant dueAt;
    private DeadlineStatus status;
    private LocalDate metOn;
    /** The first due moment that passed unmet: meeting it after that, even by an extended date, is late. */
    private LocalDate missedOn;
    private final Set<String> openCnoLocations = new HashSet<>();
    private final Set<String> countedCnoLocations = new HashSet<>();
    /** The last CNO location wound down: the evidence that the wind-down was complete at the due moment. */
    private String lastWoundDownEvidence;
    private LocalDate lastWoundDownOn;

    protected Deadline() {
    }

    /** What the deadline manager hands back at the due moment; an older due moment (since extended) is ignored. */
    public record DueMomentReached(String ref, Instant dueAt) {
    }

    /**
     * The aggregate identifier of the deadline with this ref. The event store knows aggregates by identifier alone,
     * and the platform's register already keeps the commitment {@code III.2.1} under its bare ref.
     */
    public static String idOf(String ref) {
        return "deadline:" + ref;
    }

    /** The article of a ref: {@code III.9} for {@code III.9/BC-1}. */
    public static String articleOf(String ref) {
        int slash = ref.indexOf('/');
        return slash < 0 ? ref : ref.substring(0, slash);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetDeadline command, DeadlineManager deadlines, BusinessTime time) {
        if (status != null) {
            return;
        }
        if (command.ref() == null || command.ref().isBlank()) {
            throw new RuleViolation("ref", "a deadline needs a ref");
        }
        if (command.dueAt() == null || command.dueOn() == null) {
            throw new RuleViolation("dueOn", "a deadline needs its due date");
        }
        if (command.owedBy() == null || command.owedBy().isEmpty()) {
            throw new RuleViolation("owedBy", "a deadline is owed by at least one party");
        }
        apply(new DeadlineSet(command.ref(), articleOf(command.ref()), command.title(), List.copyOf(command.owedBy()),
                command.dueOn(), command.dueAt(), command.dueText(), command.occurredOn()));
        scheduleDueMoment(deadlines, time);
    }

    @CommandHandler
    public void handle(MeetDeadline command, DeadlineManager deadlines, BusinessTime time) {
        if (command.evidence() == null || command.evidence().isBlank()) {
            throw new RuleViolation("evidence", "meeting a deadline needs evidence: a document reference or another service's event");
        }
        LocalDate on = command.occurredOn();
        if (on == null) {
            throw new RuleViolation("occurredOn", "meeting a deadline names the date it was met");
        }
        if (on.isBefore(setOn)) {
            throw new RuleViolation("occurredOn", ref + " cannot be met before it was set on " + setOn);
        }
        if (on.isAfter(time.today())) {
            throw new RuleViolation("occurredOn", ref + " cannot be met on " + on + ", a date still to come (today is " + time.today() + ")");
        }
        if (status.isMet()) {
            throw new RuleViolation("ref", ref + " was already met on " + metOn);
        }
        meet(command.evidence(), on, command.metAt() != null ? command.metAt() : DueMoment.startOf(on), deadlines);
    }

    @CommandHandler
    public void handle(ExtendDeadline command, DeadlineManager deadlines, BusinessTime time) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("reason", "an extension gives its reason");
        }
        if (command.newDueOn() == null) {
            throw new RuleViolation("newDue", "an extension names the new due date");
        }
        if (status.isMet()) {
            throw new RuleViolation("ref", ref + " was already met on " + metOn + "; it cannot be extended");
        }
        Instant newDueAt = DueMoment.of(command.newDueOn());
        if (!newDueAt.isAfter(dueAt)) {
            throw new RuleViolation("newDue", "the new due date " + command.newDueOn() + " must be after the current one, " + dueOn);
        }
        apply(new DeadlineExtended(ref, dueOn, dueAt, command.newDueOn(), newDueAt, command.reason().strip(), time.today()));
        deadlines.cancelAllWithinScope(DUE_MOMENT);
        scheduleDueMoment(deadlines, time);
    }

    @CommandHandler
    public void handle(CountCnoLocation command) {
        if (status.isMet() || countedCnoLocations.contains(command.locationId())) {
            return;
        }
        apply(new CnoLocationCounted(ref, command.locationId(), command.occurredOn()));
    }

    /**
     * The wind-down is judged at its due moment: every CNO location counted by then closed or handed over is MET
     * ({@link #on(DueMomentReached, DeadlineManager, BusinessTime)}). Before it, the last open location closing meets
     * nothing, since locations may still open (an early closure once met it, and later openings were ignored). After a
     * miss, the last one closing meets it late.
     */
    @CommandHandler
    public void handle(CountCnoLocationWoundDown command, DeadlineManager deadlines) {
        if (status.isMet() || !openCnoLocations.contains(command.locationId())) {
            return;
        }
        apply(new CnoLocationWoundDown(ref, command.locationId(), command.evidence(), command.occurredOn()));
        if (openCnoLocations.isEmpty() && (missedOn != null || !DueMoment.startOf(command.occurredOn()).isBefore(dueAt))) {
            meet("every CNO location counted is closed or handed over; the last: " + command.evidence(), command.occurredOn(),
                    DueMoment.startOf(command.occurredOn()), deadlines);
        }
    }

    @CommandHandler
    public void handle(RescheduleDueMoment command, DeadlineManager deadlines, BusinessTime time) {
        if (status.awaitsItsDueMoment()) {
            deadlines.cancelAllWithinScope(DUE_MOMENT);
            scheduleDueMoment(deadlines, time);
        }
    }

    /** The business clock is checked again: a due moment scheduled under another clock may arrive early. */
    @DeadlineHandler(deadlineName = DUE_MOMENT)
    public void on(DueMomentReached reached, DeadlineManager deadlines, BusinessTime time) {
        if (!status.awaitsItsDueMoment() || !reached.dueAt().equals(dueAt)) {
            return;
        }
        if (!time.hasPassed(dueAt)) {
            scheduleDueMoment(deadlines, time);
            return;
        }
        if (!countedCnoLocations.isEmpty() && openCnoLocations.isEmpty()) {
            meet("every CNO location counted was closed or handed over by the due moment; the last: " + lastWoundDownEvidence,
                    lastWoundDownOn, DueMoment.startOf(lastWoundDownOn), deadlines);
            return;
        }
        apply(new DeadlineMissed(ref, article, title, owedBy, dueOn, dueAt, dueOn));
    }

    private void meet(String evidence, LocalDate on, Instant metAt, DeadlineManager deadlines) {
        if (status == DeadlineStatus.MISSED) {
            apply(new DeadlineMetLate(ref, evidence, on));
            return;
        }
        deadlines.cancelAllWithinScope(DUE_MOMENT);
        if (!metAt.isBefore(dueAt)) {
            // met after its due moment before the deadline manager noticed: it was missed all the same
            apply(new DeadlineMissed(ref, article, title, owedBy, dueOn, dueAt, dueOn));
            apply(new DeadlineMetLate(ref, evidence, on));
        } else if (missedOn != null) {
            apply(new DeadlineMetLate(ref, evidence, on));
        } else {
            apply(new DeadlineMet(ref, evidence, on));
        }
    }

    private void scheduleDueMoment(DeadlineManager deadlines, BusinessTime time) {
        deadlines.schedule(time.wallWaitUntil(dueAt), DUE_MOMENT, new DueMomentReached(ref, dueAt));
    }

    @EventSourcingHandler
    void on(DeadlineSet event) {
        id = idOf(event.ref());
        ref = event.ref();
        article = event.article();
        title = event.title();
        owedBy = event.owedBy();
        setOn = event.occurredOn();
        dueOn = event.dueOn();
        dueAt = event.dueAt();
        status = DeadlineStatus.OPEN;
    }

    @EventSourcingHandler
    void on(DeadlineMet event) {
        status = DeadlineStatus.MET;
        metOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(DeadlineMissed event) {
        status = DeadlineStatus.MISSED;
        if (missedOn == null) {
            missedOn = event.dueOn();
        }
    }

    @EventSourcingHandler
    void on(DeadlineMetLate event) {
        status = DeadlineStatus.LATE;
        metOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        status = DeadlineStatus.EXTENDED;
        dueOn = event.newDueOn();
        dueAt = event.newDueAt();
    }

    @EventSourcingHandler
    void on(CnoLocationCounted event) {
        countedCnoLocations.add(event.locationId());
        openCnoLocations.add(event.locationId());
    }

    @EventSourcingHandler
    void on(CnoLocationWoundDown event) {
        openCnoLocations.remove(event.locationId());
        lastWoundDownEvidence = event.evidence();
        lastWoundDownOn = event.occurredOn();
    }
}
