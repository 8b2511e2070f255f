package nl.doorstroom.deadline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What happened to a deadline; each carries the business date it is about ({@code occurredOn}). */
public final class DeadlineEvents {

    private DeadlineEvents() {
    }

    /** Events that are about one deadline. */
    public sealed interface DeadlineEvent {
        String ref();

        LocalDate occurredOn();
    }

    /**
     * @param article the article of the agreement it belongs to ({@code III.9} for {@code III.9/BC-1})
     * @param dueAt   the moment it is missed: the end of {@code dueOn} in the Netherlands, or an exact moment (72 hours)
     */
    public record DeadlineSet(String ref, String article, String title, List<String> owedBy, LocalDate dueOn, Instant dueAt,
                              String dueText, LocalDate occurredOn) implements DeadlineEvent {
    }

    public record DeadlineMet(String ref, String evidence, LocalDate occurredOn) implements DeadlineEvent {
    }

    /** The due moment passed unmet; {@code occurredOn} is the due date. */
    public record DeadlineMissed(String ref, String article, String title, List<String> owedBy, LocalDate dueOn, Instant dueAt,
                                 LocalDate occurredOn) implements DeadlineEvent {
    }

    public record DeadlineMetLate(String ref, String evidence, LocalDate occurredOn) implements DeadlineEvent {
    }

    public record DeadlineExtended(String ref, LocalDate previousDueOn, Instant previousDueAt, LocalDate newDueOn,
                                   Instant newDueAt, String reason, LocalDate occurredOn) implements DeadlineEvent {
    }

    public record CnoLocationCounted(String ref, String locationId, LocalDate occurredOn) implements DeadlineEvent {
    }

    public record CnoLocationWoundDown(String ref, String locationId, String evidence, LocalDate occurredOn)
            implements DeadlineEvent {
    }
}
