package nl.doorstroom.contracts.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One commitment of the agreement as the catalogue file describes it.
 *
 * @param ref     the article reference, the commitment's stable id everywhere (e.g. {@code III.12.4})
 * @param service   the one service that owns it: capacity, housing, finance or deadline
 * @param kind      what sort of promise it is, which decides the states it can have ({@code docs/status.md})
 * @param dueMoment for a dated entry, when on its date it falls due, as the text says it
 */
public record CatalogueEntry(
        String ref,
        String parent,
        String title,
        String text,
        List<String> owedBy,
        String service,
        Kind kind,
        Target target,
        LocalDate due,
        DueMoment dueMoment,
        String dueText,
        List<AlsoDue> also) {

    public CatalogueEntry {
        owedBy = owedBy == null ? List.of() : List.copyOf(owedBy);
        also = also == null ? List.of() : List.copyOf(also);
    }

    /**
     * What sort of promise an entry (or one of its further dates) is. Only deliverables, targets and money can be
     * missed on a date; an effort obligation ("spannen zich maximaal in") and a condition (a premise, a willingness
     * under conditions, an expectation, a term during which something holds) carry reports and evidence instead.
     */
    public enum Kind {
        DELIVERABLE, TARGET, MONEY, EFFORT, CONDITION;

        public boolean canBeMissed() {
            return this == DELIVERABLE || this == TARGET || this == MONEY;
        }
    }

    /**
     * When on its date a commitment falls due: "voor 1 oktober" at the start of that day, "uiterlijk (op) 1 oktober"
     * and "eind 2022" at its end, both in Dutch time.
     */
    public enum DueMoment {
        START_OF_DAY, END_OF_DAY;

        public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

        public Instant on(LocalDate date) {
            return (this == START_OF_DAY ? date : date.plusDays(1)).atStartOfDay(NETHERLANDS).toInstant();
        }
    }

    /** The entry falls due on a date and that date can be missed. */
    public boolean missable() {
        return due != null && kind.canBeMissed();
    }

    /**
     * A dated number to reach (INL.1, II.2, III.12.2, III.12.4): its owner's register judges it from the figure at the
     * due moment, and the deadline service keeps no deadline of its own for it, so there is one answer.
     */
    public boolean decidedByItsFigure() {
        return kind == Kind.TARGET && due != null && target != null;
    }

    /** The moment the entry falls due, or null when it is undated. */
    public Instant dueAt() {
        return due == null ? null : dueMoment.on(due);
    }

    /** A number the commitment must reach, in the agreement's unit. */
    public record Target(BigDecimal amount, String unit) {
    }

    /** A second date named by the same article (e.g. the CNO wind-down on 1 January 2023), with its own kind. */
    public record AlsoDue(Kind kind, DueMoment dueMoment, LocalDate due, String what) {

        public boolean missable() {
            return kind.canBeMissed();
        }

        public Instant dueAt() {
            return dueMoment.on(due);
        }
    }
}
