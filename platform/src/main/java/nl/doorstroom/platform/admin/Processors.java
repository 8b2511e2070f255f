package nl.doorstroom.platform.admin;

import nl.doorstroom.platform.admin.ProcessorStatus.Replay;
import nl.doorstroom.platform.domain.NotFoundException;
import nl.doorstroom.platform.instances.Causes;
import nl.doorstroom.platform.instances.SegmentClaims;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>
 * An event a processor's handler throws on is parked in the processor's dead-letter queue (in this service's
 * database), and so are the later events of the same aggregate, to keep their order; the processor carries on with
 * the others. The parked events are listed here and retried on request; a replay clears them, as it handles every
 * event again.
 */
@Component
public class Processors {

    private static final Logger log = LoggerFactory.getLogger(Processors.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;
    private final SegmentClaims claims;
    private final ReplayRequests requests;
    private final Duration coordinationTimeout;
    private final Clock wallClock = Clock.systemUTC();
    private final Map<String, ReplayRun> replays = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "replay-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public Processors(EventProcessingConfiguration processing, JdbcTemplate jdbc, TransactionManager transactions,
                      SegmentClaims claims, ReplayRequests requests,
                      @Value("${doorstroom.replay.coordination-timeout:45s}") Duration coordinationTimeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.claims = claims;
        this.requests = requests;
        this.coordinationTimeout = coordinationTimeout;
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

    /**
     * Shuts the processor down, resets its tokens (its reset handlers clear its read models) and starts it again. Any
     * instance may be asked: a replay request (ReplayRequests) makes the others let go of the processor's segments,
     * and this one waits for them at most {@code doorstroom.replay.coordination-timeout}.
     */
    public ProcessorStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new ReplayRefused(name, "Processor " + name + " does not replay: its handlers act outside this service's"
                    + " read models (publishing, sending commands or reports), and history must not cause them twice.");
        }
        ReplayRun running = replays.get(name);
        if (running != null && running.finishedAt == null) {
            throw new ReplayRefused(name, "A replay of " + name + " is already running.");
        }
        requests.request(name).ifPresent(standing -> {
            throw new ReplayRefused(name, "A replay of " + name + " is already being started: asked of instance "
                    + standing.requestedBy() + " at " + standing.requestedAt() + ".");
        });
        try {
            // checked once the request stands: a replay another instance started just before is in the tokens by now
            List<Integer> replaying = claims.of(name).stream().filter(SegmentClaims.Segment::replaying)
                    .map(SegmentClaims.Segment::id).toList();
            if (!replaying.isEmpty()) {
                throw new ReplayRefused(name, "A replay of " + name + " is already running: segment(s) " + replaying
                        + " have not yet reached the event where they were reset.");
            }
            return resetAndStart(name, processor);
        } finally {
            requests.withdraw(name);
        }
    }

    private ProcessorStatus resetAndStart(String name, StreamingEventProcessor processor) {
        // every segment counts, those another instance holds too
        long resetPosition = claims.position(name);
        processor.shutDown();
        long giveUp = System.nanoTime() + coordinationTimeout.toNanos();
        while (true) {
            try {
                processor.resetTokens();
                break;
            } catch (RuntimeException e) {
                if (!Causes.include(e, UnableToClaimTokenException.class)) {
                    log.warn("replay of {} refused", name, e);
                    processor.start();
                    throw new ReplayRefused(name, "Processor " + name + " could not be reset now (" + e.getMessage()
                            + "); it carries on where it was.");
                }
                if (System.nanoTime() > giveUp) {
                    List<String> holders = requests.otherHolders(name);
                    processor.start();
                    throw new ReplayRefused(name, "Processor " + name + " could not be reset: within " + coordinationTimeout.toSeconds()
                            + " s the other instances did not let go of its segments (still claimed by " + holders
                            + "); it carries on where it was. Ask again, or ask an instance that holds them.");
                }
            }
            sleep(250);
        }
        // the replay handles every event again, the parked ones too
        deadLetterQueue(name).ifPresent(queue -> transactions.executeInTransaction(queue::clear));
        ReplayRun run = new ReplayRun(wallClock.instant(), Math.max(resetPosition, 0));
        replays.put(name, run);
        processor.start();
        run.watch = watcher.scheduleWithFixedDelay(() -> watch(name, run), 100, 50, TimeUnit.MILLISECONDS);
        log.info("replay of {} started; it was at event {}", name, run.resetPosition);
        return one(name);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other instances to release segments", e);
        }
    }

    /** Processors that park the events they cannot handle. */
    public Collection<String> withDeadLetterQueue() {
        return names().stream().filter(name -> deadLetterQueue(name).isPresent()).toList();
    }

    /** The events parked for {@code name}, oldest sequence first, each sequence in the order its events arrived. */
    public List<ParkedEvent> deadLetters(String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueueOf(name);
        List<ParkedEvent> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                parked.add(ParkedEvent.of(letter));
            }
        }
        return parked;
    }

    /** Events parked for the processor, for gauges; 0 for one without a dead-letter queue. */
    public long deadLetterCount(String name) {
        return deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /**
     * Tries each parked sequence once, oldest first: a sequence whose events are all handled now leaves the queue;
     * one that fails again stays, with the new cause.
     */
    public DeadLetterRetry retryDeadLetters(String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueueOf(name);
        SequencedDeadLetterProcessor<EventMessage<?>> retry = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new NotFoundException("processor " + name + " parks no events"));
        long sequences = queue.amountOfSequences();
        long handled = 0;
        for (long i = 0; i < sequences; i++) {
            if (retry.processAny()) {
                handled++;
            }
        }
        log.info("retried {} parked sequence(s) of {}: {} handled, {} event(s) still parked", sequences, name, handled, queue.size());
        return new DeadLetterRetry(name, sequences, handled, queue.amountOfSequences(), queue.size());
    }

    /** What a retry did: sequences tried and handled, and what is still parked. */
    public record DeadLetterRetry(String processor, long sequencesTried, long sequencesHandled, long sequencesParked,
                                  long eventsParked) {
    }

    /** A parked event as operators read it: which event, of which aggregate, and why it could not be handled. */
    public record ParkedEvent(String eventIdentifier, String eventType, String aggregateIdentifier, Long sequenceNumber,
                              Instant recordedAt, String causeType, String causeMessage, Instant parkedAt, Instant lastTried) {

        static ParkedEvent of(DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> event = letter.message();
            DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
            return new ParkedEvent(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    domain == null ? null : domain.getAggregateIdentifier(), domain == null ? null : domain.getSequenceNumber(),
                    event.getTimestamp(), letter.cause().map(c -> c.type()).orElse(null),
                    letter.cause().map(c -> c.message()).orElse(null), letter.enqueuedAt(), letter.lastTouched());
        }
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String name) {
        return processing.deadLetterQueue(name);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueueOf(String name) {
        processor(name);
        return deadLetterQueue(name).orElseThrow(() -> new NotFoundException("processor " + name + " parks no events"));
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
        // every segment counts, also those another instance of the service holds
        long stored = claims.position(processor.getName());
        long position = Math.max(stored >= 0 ? stored : position(statuses), 0);
        String error = statuses.stream().filter(EventTrackerStatus::isErrorState).findFirst()
                .map(s -> String.valueOf(s.getError())).orElse(null);
        ReplayRun run = replays.get(processor.getName());
        boolean replaying = run != null && run.finishedAt == null || statuses.stream().anyMatch(s -> s.isReplaying()
                && !(s.isCaughtUp() && s.getCurrentPosition().orElse(0) >= s.getResetPosition().orElse(0)));
        Long parked = deadLetterQueue(processor.getName()).map(SequencedDeadLetterQueue::size).orElse(null);
        return new ProcessorStatus(processor.getName(), position, head, Math.max(head - position, 0), processor.isRunning(),
                processor.supportsReset(), replaying, statuses.size(), error, parked, run == null ? null : run.view(position));
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
