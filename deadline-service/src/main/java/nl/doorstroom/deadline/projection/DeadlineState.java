package nl.doorstroom.deadline.projection;

import nl.doorstroom.deadline.domain.DeadlineEvents.CnoLocationCounted;
import nl.doorstroom.deadline.domain.DeadlineEvents.CnoLocationWoundDown;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineExtended;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMet;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMetLate;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineMissed;
import nl.doorstroom.deadline.domain.DeadlineEvents.DeadlineSet;
import nl.doorstroom.deadline.domain.DeadlineStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A deadline as its events left it, with its history (set, extended, missed, met): the one fold that the read
 * model, a rebuild and any point-in-time answer use.
 *
 * @param dueOn                the current due date; {@code agreedDueOn} the first one
 * @param missedOn             the first due date that passed unmet, kept through extensions; null while never missed
 * @param openCnoLocations     for the CNO wind-down: the CNO locations still open
 */
public record DeadlineState(String ref, String article, String title, List<String> owedBy, String dueText,
                            DeadlineStatus status, LocalDate agreedDueOn, LocalDate dueOn, Instant dueAt,
                            String evidence, LocalDate metOn, LocalDate missedOn, List<Step> history,
                            List<String> openCnoLocations) {

    /** One thing that happened to the deadline, on its business date. */
    public record Step(String what, LocalDate occurredOn, String detail) {
    }

    public static DeadlineState evolve(DeadlineState s, Object event) {
        if (event instanceof DeadlineSet e) {
            return s != null ? s : new DeadlineState(e.ref(), e.article(), e.title(), e.owedBy(), e.dueText(), DeadlineStatus.OPEN,
                    e.dueOn(), e.dueOn(), e.dueAt(), null, null, null,
                    List.of(new Step("SET", e.occurredOn(), "due " + e.dueOn() + (e.dueText() == null ? "" : " (" + e.dueText() + ")"))),
                    List.of());
        }
        if (s == null) {
            return null;
        }
        if (event instanceof DeadlineMet e) {
            // met by an extended date after a miss (stored before the aggregate said so itself) is late all the same
            return s.missedOn() != null
                    ? s.with(DeadlineStatus.LATE, e.evidence(), e.occurredOn(), new Step("MET_LATE", e.occurredOn(), e.evidence()))
                    : s.with(DeadlineStatus.MET, e.evidence(), e.occurredOn(), new Step("MET", e.occurredOn(), e.evidence()));
        }
        if (event instanceof DeadlineMissed e) {
            DeadlineState missed = s.with(DeadlineStatus.MISSED, s.evidence(), s.metOn(),
                    new Step("MISSED", e.occurredOn(), "due moment " + e.dueAt() + " passed"));
            return s.missedOn() != null ? missed : missed.withMissedOn(e.dueOn());
        }
        if (event instanceof DeadlineMetLate e) {
            return s.with(DeadlineStatus.LATE, e.evidence(), e.occurredOn(), new Step("MET_LATE", e.occurredOn(), e.evidence()));
        }
        if (event instanceof DeadlineExtended e) {
            return new DeadlineState(s.ref(), s.article(), s.title(), s.owedBy(), s.dueText(), DeadlineStatus.EXTENDED, s.agreedDueOn(),
                    e.newDueOn(), e.newDueAt(), s.evidence(), s.metOn(), s.missedOn(),
                    append(s.history(), new Step("EXTENDED", e.occurredOn(), "from " + e.previousDueOn() + " to " + e.newDueOn() + ": " + e.reason())),
                    s.openCnoLocations());
        }
        if (event instanceof CnoLocationCounted e) {
            return s.withCnoLocations(e.locationId(), true);
        }
        if (event instanceof CnoLocationWoundDown e) {
            return s.withCnoLocations(e.locationId(), false);
        }
        return s;
    }

    private DeadlineState with(DeadlineStatus next, String evidence, LocalDate metOn, Step step) {
        return new DeadlineState(ref, article, title, owedBy, dueText, next, agreedDueOn, dueOn, dueAt, evidence, metOn, missedOn,
                append(history, step), openCnoLocations);
    }

    private DeadlineState withMissedOn(LocalDate date) {
        return new DeadlineState(ref, article, title, owedBy, dueText, status, agreedDueOn, dueOn, dueAt, evidence, metOn, date,
                history, openCnoLocations);
    }

    /**
     * The open locations stay sorted; a binary search and one array copy per event. Building a TreeSet of them for each
     * event was a third of deadline-service's CPU once some thousands were open (profiled, issue 13).
     */
    private DeadlineState withCnoLocations(String locationId, boolean open) {
        int at = Collections.binarySearch(openCnoLocations, locationId);
        if (open == (at >= 0)) {
            return this;
        }
        List<String> locations = new ArrayList<>(openCnoLocations.size() + 1);
        locations.addAll(openCnoLocations);
        if (open) {
            locations.add(-at - 1, locationId);
        } else {
            locations.remove(at);
        }
        return new DeadlineState(ref, article, title, owedBy, dueText, status, agreedDueOn, dueOn, dueAt, evidence, metOn, missedOn,
                history, Collections.unmodifiableList(locations));
    }

    private static List<Step> append(List<Step> history, Step step) {
        List<Step> next = new ArrayList<>(history);
        next.add(step);
        return List.copyOf(next);
    }
}
