package nl.doorstroom.contracts.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The events deadline-service publishes on {@code doorstroom.deadline.events}, version 1.
 * Each record is the {@code data} of a CloudEvent whose {@code type} is {@link #TYPE_PREFIX} + the record name
 * + {@code .v1}; its JSON Schema lies in {@code contracts/published/}. A deadline is known by its ref: the article
 * reference ({@code III.2.1}), or the article and what it is about ({@code III.9/BC-1}, {@code III.2.4/2023-01-01}).
 */
public final class DeadlineEventsV1 {

    public static final String TOPIC = "doorstroom.deadline.events";
    public static final String TYPE_PREFIX = "nl.doorstroom.deadline.";

    private DeadlineEventsV1() {
    }

    public static String type(Class<? extends Record> contract) {
        return TYPE_PREFIX + contract.getSimpleName() + ".v1";
    }

    /** The due moment passed and the deadline was not met; {@code occurredOn} is the due date. */
    public record DeadlineMissed(String ref, String article, String title, List<String> owedBy, LocalDate dueOn,
                                 Instant dueAt, LocalDate occurredOn) {
    }

    /** The deadline was met, with evidence (a document or another service's event); {@code late} after it was missed. */
    public record DeadlineMet(String ref, String article, String evidence, boolean late, LocalDate occurredOn) {
    }

    /** The deadline was moved to a later date, for a reason. */
    public record DeadlineExtended(String ref, String article, LocalDate previousDueOn, LocalDate newDueOn, Instant newDueAt,
                                   String reason, LocalDate occurredOn) {
    }
}
