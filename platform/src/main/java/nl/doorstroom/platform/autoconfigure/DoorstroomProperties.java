package nl.doorstroom.platform.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * What makes a service itself on the shared platform.
 *
 * @param service       short name: capacity, housing, finance or deadline; owner in the commitment catalogue
 * @param inboundTopics topics this service consumes; each gets a {@code .DLT} beside it
 * @param partitions    partitions for topics this service creates
 */
@ConfigurationProperties("doorstroom")
public record DoorstroomProperties(String service,
                                   @DefaultValue List<String> inboundTopics,
                                   @DefaultValue("3") int partitions) {

    public DoorstroomProperties {
        if (service == null || service.isBlank()) {
            throw new IllegalStateException("doorstroom.service must name the service (capacity, housing, finance, deadline)");
        }
    }

    public String outboundTopic() {
        return "doorstroom." + service + ".events";
    }
}
