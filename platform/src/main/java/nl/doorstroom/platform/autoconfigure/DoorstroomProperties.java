package nl.doorstroom.platform.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * What makes a service itself on the shared platform.
 *
 * @param service       short name: capacity, housing, finance or deadline; owner in the commitment catalogue
 * @param inboundTopics topics this service consumes; each gets a {@code .DLT} beside it
 * @param partitions    partitions for topics this service creates
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
                                   Integer replicationFactor,
                                   Integer minInsyncReplicas) {

    @ConstructorBinding
    public DoorstroomProperties {
        if (service == null || service.isBlank()) {
            throw new IllegalStateException("doorstroom.service must name the service (capacity, housing, finance, deadline)");
        }
        if (replicationFactor != null && minInsyncReplicas != null && minInsyncReplicas > replicationFactor) {
            throw new IllegalStateException("doorstroom.min-insync-replicas (" + minInsyncReplicas
                    + ") above doorstroom.replication-factor (" + replicationFactor + "): no acks=all send could succeed");
        }
    }

    public DoorstroomProperties(String service, List<String> inboundTopics, int partitions) {
        this(service, inboundTopics, partitions, null, null);
    }

    public String outboundTopic() {
        return "doorstroom." + service + ".events";
    }
}
