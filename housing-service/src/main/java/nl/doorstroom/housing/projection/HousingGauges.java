package nl.doorstroom.housing.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Housed vs taakstelling per municipality, per province and nationally, for every period with a taakstelling, and flex homes, as
 * Prometheus gauges refreshed from the read models every few seconds (a scrape never waits for the database).
 */
@Component
public class HousingGauges {

    private static final String NATIONAL = "NL";

    private final HousingQueries queries;
    private final MultiGauge housed;
    private final MultiGauge corrected;
    private final MultiGauge taakstelling;
    private final MultiGauge municipalityHoused;
    private final MultiGauge municipalityCorrected;
    private final MunicipalityPeriodRecords municipalities;
    private volatile long flexHomesRealised;
    private volatile long flexUnitsCentral;

    public HousingGauges(HousingQueries queries, MunicipalityPeriodRecords municipalities, MeterRegistry meters) {
        this.queries = queries;
        this.municipalities = municipalities;
        this.municipalityHoused = MultiGauge.builder("doorstroom.housing.municipality.housed").baseUnit("persons")
                .description("Vergunninghouders housed in the period, per municipality").register(meters);
        this.municipalityCorrected = MultiGauge.builder("doorstroom.housing.municipality.taakstelling.corrected").baseUnit("persons")
                .description("A municipality's corrected taakstelling in the period (share plus backlog, swaps, minus credit)")
                .register(meters);
        this.housed = MultiGauge.builder("doorstroom.housing.housed").baseUnit("persons")
                .description("Vergunninghouders housed in the period, per province (provincie=NL: national)").register(meters);
        this.corrected = MultiGauge.builder("doorstroom.housing.taakstelling.corrected").baseUnit("persons")
                .description("Corrected taakstelling (share plus backlog, minus credit), per province (provincie=NL: national)")
                .register(meters);
        this.taakstelling = MultiGauge.builder("doorstroom.housing.taakstelling").baseUnit("persons")
                .description("Share of the national taakstelling, per province (provincie=NL: national)").register(meters);
        Gauge.builder("doorstroom.housing.flex.homes.realised", () -> flexHomesRealised).baseUnit("homes")
                .description("Flex homes made available (II.2: 37,500 by the end of 2024)").register(meters);
        Gauge.builder("doorstroom.housing.flex.units.central", () -> flexUnitsCentral).baseUnit("homes")
                .description("Flex units procured centrally by the Rijksvastgoedbedrijf (II.5: 2,000)").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${doorstroom.housing.gauge-refresh:5s}", initialDelayString = "${doorstroom.housing.gauge-refresh:5s}")
    public void refresh() {
        List<MultiGauge.Row<?>> housedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> correctedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> taakstellingRows = new ArrayList<>();
        for (String period : queries.periods()) {
            HousingQueries.NationalFigures national = queries.national(period);
            for (HousingQueries.ProvinceFigures pv : national.provincies()) {
                housedRows.add(row(period, pv.provincie(), pv.housed()));
                correctedRows.add(row(period, pv.provincie(), pv.corrected()));
                taakstellingRows.add(row(period, pv.provincie(), pv.taakstelling()));
            }
            housedRows.add(row(period, NATIONAL, national.housed()));
            correctedRows.add(row(period, NATIONAL, national.corrected()));
            taakstellingRows.add(row(period, NATIONAL, national.taakstelling()));
        }
        housed.register(housedRows, true);
        corrected.register(correctedRows, true);
        taakstelling.register(taakstellingRows, true);
        List<MunicipalityPeriodState> rows = municipalities.findAll().stream().map(MunicipalityPeriodRecord::state).toList();
        municipalityHoused.register(rows.stream().map(m -> municipalityRow(m, m.housed())).toList(), true);
        municipalityCorrected.register(rows.stream().map(m -> municipalityRow(m, m.corrected())).toList(), true);
        HousingQueries.FlexHomes flex = queries.flexHomes();
        flexHomesRealised = flex.realised();
        flexUnitsCentral = flex.centrallyProcured();
    }

    private static MultiGauge.Row<?> municipalityRow(MunicipalityPeriodState m, Number value) {
        return MultiGauge.Row.of(Tags.of("period", m.period(), "gemeente", m.gemeente(), "provincie", String.valueOf(m.provincie())), value);
    }

    private static MultiGauge.Row<?> row(String period, String provincie, Number value) {
        return MultiGauge.Row.of(Tags.of("period", period, "provincie", provincie), value);
    }
}
