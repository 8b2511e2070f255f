package nl.doorstroom.platform.register;

import nl.doorstroom.contracts.catalogue.CatalogueEntry;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import nl.doorstroom.platform.domain.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads this service's part of the register, combining reported progress with the service's own figures and, for a
 * dated target, its due moment on the business clock. One snapshot (repeatable read) for the whole answer, so a
 * figure and the events named as having moved it agree.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class CommitmentRegister {

    private static final Comparator<CommitmentView> BY_ARTICLE = Comparator.comparing(v -> ArticleOrder.key(v.ref()));

    private final CommitmentEntryRepository entries;
    private final List<CommitmentMeasure> measures;
    private final Clock clock;
    private final Map<String, CatalogueEntry> catalogue;
    private final JdbcTemplate jdbc;
    private final Map<String, AtDue> atDue = new ConcurrentHashMap<>();

    public CommitmentRegister(CommitmentEntryRepository entries, List<CommitmentMeasure> measures, Clock clock,
                              JdbcTemplate jdbc) {
        this.entries = entries;
        this.measures = measures;
        this.clock = clock;
        this.jdbc = jdbc;
        this.catalogue = CommitmentCatalogue.load().commitments().stream()
                .collect(Collectors.toUnmodifiableMap(CatalogueEntry::ref, Function.identity()));
    }

    public List<CommitmentView> all() {
        return entries.findAll().stream().map(e -> view(e.state())).sorted(BY_ARTICLE).toList();
    }

    public CommitmentView one(String ref) {
        return entries.findById(ref).map(e -> view(e.state()))
                .orElseThrow(() -> new NotFoundException("no commitment " + ref + " in this service's register"));
    }

    private CommitmentView view(CommitmentState state) {
        Measurement measured = measures.stream()
                .map(m -> m.measurement(state.ref()))
                .flatMap(Optional::stream)
                .findFirst().orElse(null);
        CatalogueEntry entry = catalogue.get(state.ref());
        if (entry == null || !entry.decidedByItsFigure() || measured == null || clock.instant().isBefore(entry.dueAt())) {
            return CommitmentView.of(state, measured);
        }
        Measurement byDue = atDue(entry);
        return byDue == null ? CommitmentView.of(state, measured) : CommitmentView.judgedAtDue(state, measured, byDue);
    }

    /**
     * The figure at the due moment folds history, so it is kept until the event store's head moves: a gauge refresh
     * or a register read on a quiet stack costs one indexed query, not a fold.
     */
    private Measurement atDue(CatalogueEntry entry) {
        long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
        AtDue kept = atDue.get(entry.ref());
        if (kept != null && kept.head() == head) {
            return kept.measurement();
        }
        Measurement byDue = measures.stream()
                .map(m -> m.measurementByDue(entry.ref(), entry.due()))
                .flatMap(Optional::stream)
                .findFirst().orElse(null);
        if (byDue != null) {
            atDue.put(entry.ref(), new AtDue(head, byDue));
        }
        return byDue;
    }

    private record AtDue(long head, Measurement measurement) {
    }

    /** Orders refs as the agreement does: INL before I before II before III before TABEL, then numerically. */
    static final class ArticleOrder {
        private static final List<String> PARTS = List.of("INL", "I", "II", "III", "TABEL");

        static String key(String ref) {
            String[] pieces = ref.split("\\.");
            StringBuilder key = new StringBuilder().append(PARTS.indexOf(pieces[0]) + 1);
            for (int i = 1; i < pieces.length; i++) {
                key.append('.').append(String.format("%03d", Integer.parseInt(pieces[i])));
            }
            return key.toString();
        }
    }
}
