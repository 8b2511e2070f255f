package nl.doorstroom.platform.audit;

/**
 * The outcome of recomputing the audit chain. {@code headHash} is the hash of the last event: written down
 * elsewhere (a report, a ticket), it anchors the chain, so a rewrite of history and chain alike shows too.
 * {@code pendingSeal} counts the stored events not chained yet because they await their seal ({@link AuditSealer}):
 * not a break, and not covered by {@code events} or {@code headHash}.
 */
public record AuditVerification(boolean intact, long events, String headHash, Break firstBreak, long pendingSeal) {

    /**
     * The first event where the chain does not hold.
     *
     * @param reason what does not hold: the content changed, the link to the previous event, an event gone or unchained
     */
    public record Break(long position, long globalIndex, String eventIdentifier, String reason) {
    }
}
