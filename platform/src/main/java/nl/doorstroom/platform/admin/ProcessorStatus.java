package nl.doorstroom.platform.admin;

import java.time.Instant;

/**
 * One streaming event processor of this service as {@code GET /admin/processors} shows it. Positions are global
 * indexes in the event store (dense, from 1), so the lag is a number of events.
 *
 * @param position        the last event every segment has handled, whichever instance holds it (0: none yet)
 * @param head            the last event in the store
 * @param lagEvents       {@code head - position}
 * @param replayable      false for processors that must not see history twice (publishers, command senders)
 * @param replaying       a replay runs and has not yet reached where the processor stood when it was reset
 * @param segments        the segments this instance holds
 * @param deadLetters     events parked because a handler threw on them (or on an earlier event of their aggregate);
 *                        null for a processor without a dead-letter queue
 * @param replay          the running or last finished replay started through this endpoint, if any
 */
public record ProcessorStatus(String name, long position, long head, long lagEvents, boolean running,
                              boolean replayable, boolean replaying, int segments, String error, Long deadLetters,
                              Replay replay) {

    /**
     * @param resetPosition   where the processor stood when it was reset; the replay is done when it is back there
     * @param progressPercent how far towards the reset position, 0..100
     * @param eventsPerSecond events handled per second since the replay started (until it finished)
     */
    public record Replay(Instant startedAt, Instant finishedAt, long resetPosition, long replayedEvents,
                         double progressPercent, double eventsPerSecond) {
    }
}
