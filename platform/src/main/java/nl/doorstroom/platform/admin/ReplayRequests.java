package nl.doorstroom.platform.admin;

import nl.doorstroom.platform.instances.SegmentClaims;
import nl.doorstroom.platform.instances.ServiceInstances;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Replays asked of one instance while others run ({@code replay_request}): Axon resets a processor's tokens only when
 * it can claim every segment, so while a request stands the other instances release the processor's segments and
 * leave them unclaimed; the asked instance claims them all, resets and starts, and then withdraws the request. The
 * other instances may then claim segments again and carry the replay on (the tokens say it is one).
 * <p>
 * A request older than {@code doorstroom.replay.request-expiry} is taken to be left behind by an instance that died
 * while it coordinated, and is neither honoured nor in the way of a new one.
 */
@Component
public class ReplayRequests {

    private static final Logger log = LoggerFactory.getLogger(ReplayRequests.class);

    private final JdbcTemplate jdbc;
    private final ServiceInstances instances;
    private final SegmentClaims claims;
    private final EventProcessingConfiguration processing;
    private final Duration poll;
    private final Duration expiry;

    public ReplayRequests(JdbcTemplate jdbc, ServiceInstances instances, SegmentClaims claims, EventProcessingConfiguration processing,
                          @Value("${doorstroom.replay.poll:1s}") Duration poll,
                          @Value("${doorstroom.replay.request-expiry:2m}") Duration expiry) {
        this.jdbc = jdbc;
        this.instances = instances;
        this.claims = claims;
        this.processing = processing;
        this.poll = poll;
        this.expiry = expiry;
    }

    /** A standing request: which instance was asked to replay the processor, and when. */
    public record Request(String processor, String requestedBy, Instant requestedAt) {
    }

    /**
     * Records that this instance replays {@code processor}; the request that stands instead when another (or an
     * earlier call on this instance) is being started.
     */
    public Optional<Request> request(String processor) {
        int recorded = jdbc.update("""
                insert into replay_request (processor_name, requested_by, requested_at) values (?, ?, now())
                on conflict (processor_name) do update set requested_by = excluded.requested_by, requested_at = excluded.requested_at
                where replay_request.requested_at < now() - make_interval(secs => ?)""",
                processor, instances.owner(), (double) expiry.toSeconds());
        if (recorded == 1) {
            return Optional.empty();
        }
        return jdbc.query("select processor_name, requested_by, requested_at from replay_request where processor_name = ?",
                (row, i) -> new Request(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()), processor)
                .stream().findFirst()
                // withdrawn between the insert and the read: it stood a moment ago all the same
                .or(() -> Optional.of(new Request(processor, "another instance", Instant.now())));
    }

    /** Withdraws this instance's request: the others may claim the processor's segments again. */
    public void withdraw(String processor) {
        jdbc.update("delete from replay_request where processor_name = ? and requested_by = ?", processor, instances.owner());
    }

    /** The instances other than this one that claim a segment of the processor now. */
    public List<String> otherHolders(String processor) {
        return claims.of(processor).stream().map(SegmentClaims.Segment::owner)
                .filter(owner -> owner != null && !owner.equals(instances.owner())).distinct().toList();
    }

    /**
     * Every poll, for each replay another instance was asked to start: release the processor's segments here and
     * keep them released a while longer than the next poll, so none is claimed here while the request stands.
     */
    @Scheduled(fixedDelayString = "${doorstroom.replay.poll:1s}", initialDelayString = "${doorstroom.replay.poll:1s}")
    void leaveSegmentsToTheAskedInstance() {
        try {
            List<String> askedElsewhere = jdbc.queryForList("""
                    select processor_name from replay_request
                    where requested_by <> ? and requested_at >= now() - make_interval(secs => ?)""",
                    String.class, instances.owner(), (double) expiry.toSeconds());
            for (String name : askedElsewhere) {
                processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processor -> {
                    for (SegmentClaims.Segment segment : claims.of(name)) {
                        if (processor.processingStatus().containsKey(segment.id())) {
                            log.info("{} releases segment {}: a replay was asked of another instance", name, segment.id());
                        }
                        processor.releaseSegment(segment.id(), poll.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next poll tries again
            log.warn("looking for replay requests failed: {}", e.toString());
        }
    }
}
