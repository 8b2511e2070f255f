package nl.doorstroom.platform.register;

import nl.doorstroom.platform.domain.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads this service's part of the register, combining reported progress with the service's own figures. One
 * snapshot (repeatable read) for the whole answer, so a figure and the events named as having moved it agree.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class CommitmentRegister {

    private static final Comparator<CommitmentView> BY_ARTICLE = Comparator.comparing(v -> ArticleOrder.key(v.ref()));

    private final CommitmentEntryRepository entries;
    private final List<CommitmentMeasure> measures;

    public CommitmentRegister(CommitmentEntryRepository entries, List<CommitmentMeasure> measures) {
        this.entries = entries;
        this.measures = measures;
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
        return CommitmentView.of(state, measured);
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
