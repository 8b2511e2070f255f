package nl.doorstroom.platform.time;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Axon's event processor monitors, with the latency measured against business time: events are stamped on the
 * business clock, and on an accelerated clock the wall clock would put every processor years behind. A processor keeps
 * what the dashboards and alerts read: its counters ({@code eventProcessor_ingestedCounter_total},
 * {@code _processedCounter_total}, {@code _failureCounter_total}, …) and its latency. Axon's timer and capacity
 * monitors are left out: they built a timer for every event handled, a tenth of a rebuild's time, for figures nothing
 * reads.
 */
final class BusinessTimeMetricRegistry extends GlobalMetricRegistry {

    private final MeterRegistry meters;
    private final io.micrometer.core.instrument.Clock businessTime;

    BusinessTimeMetricRegistry(MeterRegistry meters, Clock clock) {
        super(meters);
        this.meters = meters;
        this.businessTime = new io.micrometer.core.instrument.Clock() {
            @Override
            public long wallTime() {
                return clock.millis();
            }

            @Override
            public long monotonicTime() {
                return System.nanoTime();
            }
        };
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MultiMessageMonitor<>(List.of(
                EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(meters)
                        .tagsBuilder(latencyTags).clock(businessTime).build(),
                MessageCountingMonitor.buildMonitor(name, meters, tags)));
    }
}
