package nl.doorstroom.deadline.projection;

import nl.doorstroom.deadline.domain.DeadlineStatus;
import nl.doorstroom.platform.domain.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the deadline read model. */
@Component
@Transactional(readOnly = true)
public class DeadlineQueries {

    private final DeadlineRecords deadlines;

    public DeadlineQueries(DeadlineRecords deadlines) {
        this.deadlines = deadlines;
    }

    /** In order of due moment; with statuses, only those. */
    public List<DeadlineState> all(EnumSet<DeadlineStatus> statuses) {
        var records = statuses == null || statuses.isEmpty()
                ? deadlines.findAllByOrderByDueAtAscRefAsc()
                : deadlines.findByStatusInOrderByDueAtAscRefAsc(statuses);
        return records.stream().map(DeadlineRecord::state).toList();
    }

    public DeadlineState one(String ref) {
        return deadlines.findById(ref).map(DeadlineRecord::state)
                .orElseThrow(() -> new NotFoundException("no deadline " + ref));
    }

    /** How many deadlines each owner party has in each status; a deadline owed jointly counts for each of its parties. */
    public Map<String, Map<DeadlineStatus, Long>> countsPerParty() {
        Map<String, Map<DeadlineStatus, Long>> counts = new TreeMap<>();
        for (DeadlineRecord record : deadlines.findAll()) {
            DeadlineState state = record.state();
            for (String party : state.owedBy()) {
                counts.computeIfAbsent(party, p -> new TreeMap<>()).merge(state.status(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
