package nl.doorstroom.platform.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * What makes a service itself on the shared platform.
 *
 * @param service       short name: capacity, housing, finance or deadline; owner in the commitment catalogue
 * @param inboundTopics topics this service consumes; each gets a {@code .DLT} beside it
 * @param partitions    partitions for topics this service creates
 * @param deadLetters   how the dead-letter topics keep what they hold
 * @param replicationFactor  replicas of each topic this service creates; unset: the broker's
 *                           {@code default.replication.factor} (1 on the embedded broker)
 * @param minInsyncReplicas  {@code min.insync.replicas} of each topic this service creates; unset: the broker's
 *                           default (1 on the embedded broker). With {@code acks=all} a send fails rather than being
 *                           acknowledged by fewer replicas.
 */
@ConfigurationProperties("doorstroom")
public record DoorstroomProperties(String service,
                                   @DefaultValue List<String> inboundTopics,
                                   @DefaultValue("3") int partitions,
                                   @DefaultValue DeadLetters deadLetters,
                                   Integer replicationFactor,
                                   Integer minInsyncReplicas) {

    /**
     * @param retention          how long a dead letter stays on its DLT ({@code retention.ms}): long enough to look
     *                           into it and have the sender resend, short enough that a DLT is no archive of what
     *                           senders got wrong
     * @param personalDataTopics inbound topics whose messages are about persons: every dead letter of theirs is
     *                           redacted, not only those refused unread (see DeadLetterRedaction)
     */
    public record DeadLetters(Duration retention, List<String> personalDataTopics) {

        public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

        public DeadLetters {
            retention = retention == null ? DEFAULT_RETENTION : retention;
            personalDataTopics = personalDataTopics == null ? List.of() : List.copyOf(personalDataTopics);
        }
    }

    @ConstructorBinding
    public DoorstroomProperties {
        if (service == null || service.isBlank()) {
            throw new IllegalStateException("doorstroom.service must name the service (capacity, housing, finance, deadline)");
        }
        deadLetters = deadLetters == null ? new DeadLetters(null, null) : deadLetters;
        if (replicationFactor != null && minInsyncReplicas != null && minInsyncReplicas > replicationFactor) {
            throw new IllegalStateException("doorstroom.min-insync-replicas (" + minInsyncReplicas
                    + ") above doorstroom.replication-factor (" + replicationFactor + "): no acks=all send could succeed");
        }
    }

    public DoorstroomProperties(String service, List<String> inboundTopics, int partitions) {
        this(service, inboundTopics, partitions, null, null, null);
    }

    public DoorstroomProperties(String service, List<String> inboundTopics, int partitions, DeadLetters deadLetters) {
        this(service, inboundTopics, partitions, deadLetters, null, null);
    }

    public DoorstroomProperties(String service, List<String> inboundTopics, int partitions, Integer replicationFactor,
                                Integer minInsyncReplicas) {
        this(service, inboundTopics, partitions, null, replicationFactor, minInsyncReplicas);
    }

    public String outboundTopic() {
        return "doorstroom." + service + ".events";
    }
}
