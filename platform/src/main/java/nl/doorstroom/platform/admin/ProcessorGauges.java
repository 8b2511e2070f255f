package nl.doorstroom.platform.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code doorstroom_processor_lag_events{processor}} and {@code doorstroom_replay_progress_ratio{processor}} (1 when
 * no replay runs), and {@code doorstroom_processor_dead_letters_events{processor}} for those that park events they
 * cannot handle; registered once the processors exist.
 */
@Component
public class ProcessorGauges {

    private final Processors processors;
    private final MeterRegistry meters;

    public ProcessorGauges(Processors processors, MeterRegistry meters) {
        this.processors = processors;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String name : processors.names()) {
            Gauge.builder("doorstroom.processor.lag", processors, p -> p.lag(name))
                    .description("Events in the store this processor has not handled yet")
                    .baseUnit("events")
                    .tag("processor", name)
                    .register(meters);
            Gauge.builder("doorstroom.replay.progress", processors, p -> p.replayProgress(name))
                    .description("How far a running replay is towards where the processor stood when reset; 1 when none runs")
                    .baseUnit("ratio")
                    .tag("processor", name)
                    .register(meters);
        }
        for (String name : processors.withDeadLetterQueue()) {
            Gauge.builder("doorstroom.processor.dead.letters", processors, p -> p.deadLetterCount(name))
                    .description("Events parked because a handler threw on them or on an earlier event of their aggregate")
                    .baseUnit("events")
                    .tag("processor", name)
                    .register(meters);
        }
    }
}
