package nl.doorstroom.platform.snapshot;

/**
 * The names of the one snapshot trigger every long-lived aggregate refers to, and of the one aggregate cache every
 * aggregate refers to: {@code @Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = Snapshots.CACHE)}.
 * See {@link SnapshotAutoConfiguration}.
 * <p>
 * A snapshotted aggregate is stored as JSON by the service's Jackson serializer: it carries
 * {@code @JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)} so its private
 * fields are the snapshot, and {@code @Revision}. Axon reads a snapshot only when its revision equals the class's
 * (the {@code RevisionSnapshotFilter} Axon puts on every aggregate); otherwise it replays the stream and takes a new
 * snapshot. So whoever changes an aggregate's fields or its event sourcing handlers raises its revision.
 */
public final class Snapshots {

    public static final String TRIGGER = "doorstroomSnapshots";
    public static final String CACHE = "doorstroomAggregates";

    private Snapshots() {
    }
}
