package nl.doorstroom.platform.audit;

import nl.doorstroom.platform.audit.AuditVerification.Break;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the audit chain with the events it covers, in chain order, and recomputes it. The database builds the chain
 * (V3__audit_chain.sql, sealed by {@link AuditSealer} since V4); this side trusts nothing stored but the event rows.
 * Chain order is sealing order, not global index order: an append that commits late is chained late.
 */
@Component
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final int PAGE = 1000;
    private static final String SELECT = """
            select c.position, c.global_index, c.event_identifier as chained_identifier, c.previous_hash, c.hash,
                   e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp, e.payload_type,
                   e.payload_revision, e.payload, e.meta_data
            from event_chain c left join domain_event_entry e on e.global_index = c.global_index
            where c.position > ? %s
            order by c.position
            limit ?""";

    private final JdbcTemplate jdbc;
    private final AuditSealer sealer;

    public AuditChain(JdbcTemplate jdbc, AuditSealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /**
     * @param sealFirst chain every event committed by now before checking, so that the answer covers them all; without
     *                  it (or when sealing fails, on a read-only database) the events awaiting their seal are counted
     *                  as pending
     */
    public AuditVerification verify(boolean sealFirst) {
        if (sealFirst) {
            sealCommitted();
        }
        byte[] previous = ChainedEvent.GENESIS;
        long position = 0;
        long count = 0;
        List<ChainedEvent> page;
        do {
            page = page(position, null, null);
            for (ChainedEvent event : page) {
                Break broken = check(event, previous, position);
                if (broken != null) {
                    return new AuditVerification(false, count, null, broken, pending());
                }
                previous = event.hash();
                position = event.position();
                count++;
            }
        } while (page.size() == PAGE);
        // one statement, so an event the sealer moves meanwhile is in the chain or in the queue, never in neither
        List<Break> unchained = jdbc.query("""
                select global_index, event_identifier, reason from (
                    select e.global_index, e.event_identifier,
                           'the event is not in the chain and not awaiting its seal: its place in the queue was removed, '
                           || 'or it was stored past the chain' as reason
                    from domain_event_entry e
                    where not exists (select 1 from event_chain c where c.global_index = e.global_index)
                      and not exists (select 1 from event_unsealed u where u.global_index = e.global_index)
                    union all
                    select u.global_index, null, 'the event was deleted before it was sealed'
                    from event_unsealed u
                    where not exists (select 1 from domain_event_entry e where e.global_index = u.global_index)
                ) missing
                order by global_index limit 1""", (rs, i) -> new Break(0, rs.getLong(1), rs.getString(2), rs.getString(3)));
        if (!unchained.isEmpty()) {
            return new AuditVerification(false, count, null, unchained.get(0), pending());
        }
        return new AuditVerification(true, count, HexFormat.of().formatHex(previous), null, pending());
    }

    /** Chains what has committed, so an export or a verification covers it; what cannot be sealed now stays pending. */
    public void sealCommitted() {
        try {
            sealer.sealCommitted();
        } catch (DataAccessException e) {
            log.warn("could not seal the audit chain before reading it; the events awaiting their seal are left out: {}",
                    e.toString());
        }
    }

    /** Events stored and awaiting their seal: not in the chain yet, and not a break. */
    private long pending() {
        return jdbc.queryForObject("""
                select count(*) from event_unsealed u
                where exists (select 1 from domain_event_entry e where e.global_index = u.global_index)""", Long.class);
    }

    /** Every chained event recorded in [from, to) (either may be null), in chain order, page by page. */
    public void forEach(Instant from, Instant to, Consumer<ChainedEvent> each) {
        long position = 0;
        List<ChainedEvent> page;
        do {
            page = page(position, from, to);
            page.forEach(each);
            if (!page.isEmpty()) {
                position = page.get(page.size() - 1).position();
            }
        } while (page.size() == PAGE);
    }

    private static Break check(ChainedEvent event, byte[] previous, long previousPosition) {
        if (event.position() != previousPosition + 1) {
            return new Break(event.position(), event.globalIndex(), event.eventIdentifier(),
                    "the chain skips from position " + previousPosition + " to " + event.position());
        }
        if (!Arrays.equals(event.previousHash(), previous)) {
            return new Break(event.position(), event.globalIndex(), event.eventIdentifier(),
                    "the link to the previous event does not match its hash");
        }
        if (!event.stored()) {
            return new Break(event.position(), event.globalIndex(), event.eventIdentifier(), "the event is no longer stored");
        }
        if (!Arrays.equals(event.recomputedHash(previous), event.hash())) {
            return new Break(event.position(), event.globalIndex(), event.eventIdentifier(),
                    "the event's content does not match its hash: it was changed after it was recorded");
        }
        return null;
    }

    private List<ChainedEvent> page(long after, Instant from, Instant to) {
        List<Object> args = new ArrayList<>();
        args.add(after);
        StringBuilder period = new StringBuilder();
        if (from != null) {
            period.append(" and e.time_stamp::timestamptz >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            period.append(" and e.time_stamp::timestamptz < ?");
            args.add(Timestamp.from(to));
        }
        args.add(PAGE);
        return jdbc.query(SELECT.formatted(period), AuditChain::row, args.toArray());
    }

    private static ChainedEvent row(ResultSet rs, int i) throws SQLException {
        String stored = rs.getString("event_identifier");
        long sequence = rs.getLong("sequence_number");
        Long sequenceNumber = rs.wasNull() ? null : sequence;
        return new ChainedEvent(rs.getLong("position"), rs.getLong("global_index"),
                stored != null ? stored : rs.getString("chained_identifier"), rs.getString("aggregate_identifier"),
                sequenceNumber, rs.getString("type"), rs.getString("time_stamp"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                rs.getBytes("meta_data"), rs.getBytes("previous_hash"), rs.getBytes("hash"));
    }
}
