package nl.doorstroom.deadline.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What is asked of a deadline; it is addressed by its ref ({@code III.2.1}, {@code III.9/BC-1}) through {@link Deadline#idOf}. */
public final class DeadlineCommands {

    private DeadlineCommands() {
    }

    /** A dated commitment becomes a deadline; setting the same one again changes nothing. */
    public record SetDeadline(String ref, String article, String title, List<String> owedBy,
                              LocalDate dueOn, Instant dueAt, String dueText, LocalDate occurredOn) {
        @TargetAggregateIdentifier
        public String deadlineId() {
            return Deadline.idOf(ref);
        }
    }

    /**
     * @param evidence a document reference, or the type and id of another service's event
     * @param metAt    the exact moment, when the evidence gives one (an assessment's {@code assessedAt}); else the date counts
     */
    public record MeetDeadline(String ref, String evidence, LocalDate occurredOn, Instant metAt) {
        @TargetAggregateIdentifier
        public String deadlineId() {
            return Deadline.idOf(ref);
        }
    }

    public record ExtendDeadline(String ref, LocalDate newDueOn, String reason) {
        @TargetAggregateIdentifier
        public String deadlineId() {
            return Deadline.idOf(ref);
        }
    }

    /** The CNO wind-down (III.2.4) waits for every CNO location known to close or be handed over. */
    public record CountCnoLocation(String ref, String locationId, LocalDate occurredOn) {
        @TargetAggregateIdentifier
        public String deadlineId() {
            return Deadline.idOf(ref);
        }
    }

    public record CountCnoLocationWoundDown(String ref, String locationId, String evidence,
                                            LocalDate occurredOn) {
        @TargetAggregateIdentifier
        public String deadlineId() {
            return Deadline.idOf(ref);
        }
    }

    /** Waits for the due moment again on the current business clock (after it was restarted at another moment or speed). */
    public record RescheduleDueMoment(String ref) {
        @TargetAggregateIdentifier
        public String deadlineId() {
            return Deadline.idOf(ref);
        }
    }
}
