package nl.doorstroom.platform.instances;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Shares each processor's segments among the instances alive: Axon lets the first instance claim every segment it
 * has threads for, so at each heartbeat an instance holding more than its share ({@code segments / instances},
 * rounded up) releases the surplus, which Axon keeps it from claiming again for two claim intervals while another
 * instance takes it. A killed instance's claims expire and the others take them over (Axon's claim timeout).
 */
@Component
public class SegmentSharing {

    private static final Logger log = LoggerFactory.getLogger(SegmentSharing.class);

    private final ServiceInstances instances;
    private final SegmentClaims claims;
    private final EventProcessingConfiguration processing;

    public SegmentSharing(ServiceInstances instances, SegmentClaims claims, EventProcessingConfiguration processing) {
        this.instances = instances;
        this.claims = claims;
        this.processing = processing;
    }

    @Scheduled(fixedDelayString = "${doorstroom.instances.heartbeat:5s}", initialDelayString = "${doorstroom.instances.heartbeat:5s}")
    void share() {
        try {
            int alive = instances.heartbeat();
            processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .filter(StreamingEventProcessor::isRunning)
                    .forEach(processor -> releaseSurplus(processor, alive));
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next heartbeat tries again
            log.warn("heartbeat or segment sharing failed: {}", e.toString());
        }
    }

    private void releaseSurplus(StreamingEventProcessor processor, int alive) {
        int segments = claims.of(processor.getName()).size();
        int share = Math.max(1, (segments + alive - 1) / alive);
        List<Integer> held = processor.processingStatus().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        for (int i = 0; i < held.size() - share; i++) {
            log.info("{} releases segment {} of {}: {} instances share {} segments", processor.getName(), held.get(i),
                    segments, alive, segments);
            processor.releaseSegment(held.get(i));
        }
    }
}
