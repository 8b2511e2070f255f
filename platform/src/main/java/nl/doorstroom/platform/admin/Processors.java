package nl.doorstroom.platform.admin;

import nl.doorstroom.platform.admin.ProcessorStatus.Replay;
import nl.doorstroom.platform.domain.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * This service's streaming event processors: where each stands against the head of the event store, and the replay
 * of one from the start of the store. A processor whose handlers disallow replay (the outbound publisher, handlers
 * that send commands or report elsewhere) is never reset: a replay must publish, fire or send nothing.
 */
@Component
public class Processors {

    private static final Logger log = LoggerFactory.getLogger(Processors.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock wallClock = Clock.systemUTC();
    private final Map<String, ReplayRun> replays = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "replay-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public Processors(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public List<ProcessorStatus> all() {
        long head = head();
        return streaming().stream()
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(p -> status(p, head))
                .toList();
    }

    public ProcessorStatus one(String name) {
        return status(processor(name), head());
    }

    public Collection<String> names() {
        return streaming().stream().map(StreamingEventProcessor::getName).sorted().toList();
    }

    /** Shuts the processor down, resets its tokens (its reset handlers clear its read models) and starts it again. */
    public synchronized ProcessorStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new ReplayRefused(name, "Processor " + name + " does not replay: its handlers act outside this service's"
                    + " read models (publishing, sending commands or reports), and history must not cause them twice.");
        }
        ReplayRun running = replays.get(name);
        if (running != null && running.finishedAt == null) {
            throw new ReplayRefused(name, "A replay of " + name + " is already running.");
        }
        long resetPosition = position(processor.processingStatus().values());
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            log.warn("replay of {} refused", name, e);
            processor.start();
            throw new ReplayRefused(name, "Processor " + name + " could not be reset now (another instance may hold its"
                    + " segments); it carries on where it was.");
        }
        ReplayRun run = new ReplayRun(wallClock.instant(), Math.max(resetPosition, 0));
        replays.put(name, run);
        processor.start();
        run.watch = watcher.scheduleWithFixedDelay(() -> watch(name, run), 100, 50, TimeUnit.MILLISECONDS);
        log.info("replay of {} started; it was at event {}", name, run.resetPosition);
        return one(name);
    }

    /** Where the processor stands, for gauges: events behind the head. */
    public long lag(String name) {
        return one(name).lagEvents();
    }

    /** 0..1 during a replay, 1 when none runs. */
    public double replayProgress(String name) {
        Replay replay = one(name).replay();
        return replay == null || replay.finishedAt() != null ? 1.0 : replay.progressPercent() / 100.0;
    }

    private void watch(String name, ReplayRun run) {
        if (run.finishedAt != null) {
            if (run.watch != null) {
                run.watch.cancel(false);
            }
            return;
        }
        try {
            StreamingEventProcessor processor = processor(name);
            Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
            if (replayDone(statuses, run)) {
                run.finalPosition = position(statuses);
                run.finishedAt = wallClock.instant();
                log.info("replay of {} finished: {} events in {}", name, run.finalPosition, Duration.between(run.startedAt, run.finishedAt));
            }
        } catch (RuntimeException e) {
            log.debug("watching replay of {}", name, e);
        }
    }

    /**
     * Axon keeps a segment "replaying" until it handles an event past the reset position, so the replay is taken to
     * be done when every segment is caught up at or beyond where the processor stood when it was reset.
     */
    private static boolean replayDone(Collection<EventTrackerStatus> statuses, ReplayRun run) {
        return !statuses.isEmpty() && statuses.stream().allMatch(s -> s.isCaughtUp()
                && s.getCurrentPosition().orElse(0) >= s.getResetPosition().orElse(run.resetPosition));
    }

    private ProcessorStatus status(StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        long position = Math.max(position(statuses), 0);
        String error = statuses.stream().filter(EventTrackerStatus::isErrorState).findFirst()
                .map(s -> String.valueOf(s.getError())).orElse(null);
        ReplayRun run = replays.get(processor.getName());
        boolean replaying = run != null && run.finishedAt == null || statuses.stream().anyMatch(s -> s.isReplaying()
                && !(s.isCaughtUp() && s.getCurrentPosition().orElse(0) >= s.getResetPosition().orElse(0)));
        return new ProcessorStatus(processor.getName(), position, head, Math.max(head - position, 0), processor.isRunning(),
                processor.supportsReset(), replaying, statuses.size(), error, run == null ? null : run.view(position));
    }

    /** The position every segment has reached: the lowest, -1 when no segment is claimed here. */
    private static long position(Collection<EventTrackerStatus> statuses) {
        return statuses.stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(-1);
    }

    private long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("no streaming event processor " + name + " in this service"));
    }

    private List<StreamingEventProcessor> streaming() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        watcher.shutdownNow();
    }

    private static final class ReplayRun {
        final Instant startedAt;
        final long resetPosition;
        volatile Instant finishedAt;
        volatile long finalPosition;
        volatile ScheduledFuture<?> watch;

        ReplayRun(Instant startedAt, long resetPosition) {
            this.startedAt = startedAt;
            this.resetPosition = resetPosition;
        }

        Replay view(long position) {
            Instant end = Optional.ofNullable(finishedAt).orElseGet(Instant::now);
            long replayed = finishedAt != null ? finalPosition : position;
            double seconds = Math.max(Duration.between(startedAt, end).toNanos() / 1e9, 1e-3);
            double progress = finishedAt != null || resetPosition == 0 ? 100.0 : Math.min(100.0, 100.0 * replayed / resetPosition);
            return new Replay(startedAt, finishedAt, resetPosition, replayed, Math.round(progress * 10) / 10.0,
                    Math.round(replayed / seconds * 10) / 10.0);
        }
    }
}
