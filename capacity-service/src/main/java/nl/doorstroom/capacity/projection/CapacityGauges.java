package nl.doorstroom.capacity.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;


/**
 * The capacity figures as Prometheus gauges, refreshed from the read models every few seconds (a scrape never
 * waits for the database), as sums PostgreSQL computes. Units are places.
 */
@Component
public class CapacityGauges {

    private final CapacityQueries queries;
    private final MultiGauge pledged;
    private final MultiGauge realised;
    private final MultiGauge occupied;
    private final MultiGauge coaPlaces;
    private final MultiGauge coaOccupied;
    private final MultiGauge outflow;

    public CapacityGauges(CapacityQueries queries, MeterRegistry meters) {
        this.queries = queries;
        this.pledged = MultiGauge.builder("doorstroom.cno.places.pledged").baseUnit("places")
                .description("CNO places pledged by the veiligheidsregio (III.1: 225 + 225)").register(meters);
        this.realised = MultiGauge.builder("doorstroom.cno.places.realised").baseUnit("places")
                .description("Places in open CNO locations of the veiligheidsregio").register(meters);
        this.occupied = MultiGauge.builder("doorstroom.cno.places.occupied").baseUnit("places")
                .description("Occupied places in open CNO locations of the veiligheidsregio").register(meters);
        this.coaPlaces = MultiGauge.builder("doorstroom.coa.places").baseUnit("places")
                .description("COA reception places in open locations, per target group").register(meters);
        this.coaOccupied = MultiGauge.builder("doorstroom.coa.places.occupied").baseUnit("places")
                .description("Occupied COA reception places, per target group").register(meters);
        this.outflow = MultiGauge.builder("doorstroom.coa.outflow.statushouders").baseUnit("persons")
                .description("Status holders who left reception for a municipality, per half year").register(meters);
        Gauge.builder("doorstroom.coa.places.needed", CapacityQueries::coaPlacesNeeded).baseUnit("places")
                .description("COA places needed as the agreement states it (catalogue/figures.yaml)").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${doorstroom.capacity.gauge-refresh:5s}", initialDelayString = "${doorstroom.capacity.gauge-refresh:5s}")
    public void refresh() {
        pledged.register(queries.pledgedPerRegion().entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList(), true);
        var cno = queries.openCnoPlacesPerRegion();
        realised.register(cno.entrySet().stream().map(e -> row(e.getKey(), e.getValue().places())).toList(), true);
        occupied.register(cno.entrySet().stream().map(e -> row(e.getKey(), e.getValue().occupied())).toList(), true);
        var coa = queries.openCoaPlacesPerDoelgroep();
        coaPlaces.register(coa.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("doelgroep", e.getKey().name()), e.getValue().places())).toList(), true);
        coaOccupied.register(coa.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("doelgroep", e.getKey().name()), e.getValue().occupied())).toList(), true);
        outflow.register(queries.outflowPerPeriod().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("period", e.getKey()), e.getValue())).toList(), true);
    }

    private static MultiGauge.Row<?> row(String veiligheidsregio, Number value) {
        return MultiGauge.Row.of(Tags.of("veiligheidsregio", veiligheidsregio), value);
    }
}
