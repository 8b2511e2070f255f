package nl.doorstroom.contracts.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One commitment of the agreement as the catalogue file describes it.
 *
 * @param ref     the article reference, the commitment's stable id everywhere (e.g. {@code III.12.4})
 * @param service the one service that owns it: capacity, housing, finance or deadline
 */
public record CatalogueEntry(
        String ref,
        String parent,
        String title,
        String text,
        List<String> owedBy,
        String service,
        Target target,
        LocalDate due,
        String dueText,
        List<AlsoDue> also) {

    public CatalogueEntry {
        owedBy = owedBy == null ? List.of() : List.copyOf(owedBy);
        also = also == null ? List.of() : List.copyOf(also);
    }

    /** A number the commitment must reach, in the agreement's unit. */
    public record Target(BigDecimal amount, String unit) {
    }

    /** A second date named by the same article (e.g. the CNO wind-down on 1 January 2023). */
    public record AlsoDue(LocalDate due, String what) {
    }
}
