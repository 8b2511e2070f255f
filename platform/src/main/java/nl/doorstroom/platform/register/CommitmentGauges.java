package nl.doorstroom.platform.register;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code doorstroom_commitment_status{ref,status,owed_by,due}}: 1 for each commitment of this service's register,
 * labelled with where it stands now (a state set); {@code count by (status)} gives commitments by status. Refreshed
 * from the register every few seconds, so a scrape never waits for the database.
 */
@Component
public class CommitmentGauges {

    private final CommitmentRegister register;
    private final MultiGauge status;

    public CommitmentGauges(CommitmentRegister register, MeterRegistry meters) {
        this.register = register;
        this.status = MultiGauge.builder("doorstroom.commitment.status")
                .description("1 per commitment of the agreement in this service's register, labelled with its status")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${doorstroom.register.gauge-refresh:15s}", initialDelayString = "${doorstroom.register.gauge-refresh:15s}")
    public void refresh() {
        status.register(register.all().stream()
                .map(c -> MultiGauge.Row.of(Tags.of(
                        "ref", c.ref(),
                        "status", c.status().name(),
                        "owed_by", c.owedBy() == null ? "" : String.join(",", c.owedBy()),
                        "due", c.due() == null ? "" : c.due().toString()), 1))
                .toList(), true);
    }
}
