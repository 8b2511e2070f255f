package nl.doorstroom.housing.projection;

import nl.doorstroom.contracts.catalogue.AgreementFigures;
import nl.doorstroom.housing.domain.Gemeente;
import nl.doorstroom.housing.domain.Gemeenten;
import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;
import nl.doorstroom.housing.domain.HousingForm;
import nl.doorstroom.housing.domain.Period;
import nl.doorstroom.housing.domain.VergunningType;
import nl.doorstroom.platform.domain.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Answers the housing questions from the read models. A province's figures are the sum of its municipalities',
 * the country's the sum of the provinces'. The pace is judged on today's business date.
 */
@Component
@Transactional(readOnly = true)
public class HousingQueries {

    /** III.12.4's period; its minimum and ambition are the agreement's figures (catalogue/figures.yaml). */
    public static final String PERIOD_OF_III_12_4 = "2022-H2";
    /** II.2: 37,500 flex homes and the like available by the end of 2024. */
    public static final int FLEX_HOMES_TARGET = 37_500;
    public static final LocalDate FLEX_HOMES_DUE = LocalDate.of(2024, 12, 31);
    /** II.5: the Rijksvastgoedbedrijf starts procuring 2,000 flex units. */
    public static final int CENTRAL_FLEX_UNITS = 2_000;

    private final MunicipalityPeriodRecords municipalities;
    private final PeriodRecords periods;
    private final WaitingRecords waiting;
    private final FlexHomesRecords flexHomes;
    private final PaceThresholds thresholds;
    private final Clock clock;
    private final EventStore events;
    private final JdbcTemplate jdbc;

    public HousingQueries(MunicipalityPeriodRecords municipalities, PeriodRecords periods, WaitingRecords waiting,
                          FlexHomesRecords flexHomes, PaceThresholds thresholds, Clock clock, EventStore events,
                          JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.periods = periods;
        this.waiting = waiting;
        this.flexHomes = flexHomes;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** {@code corrected} is after swaps: taakstelling + backlog + swappedIn - swappedOut. */
    public record MunicipalityFigures(String period, String gemeente, String naam, String provincie, long taakstelling,
                                      long backlog, long swappedIn, long swappedOut, long corrected, long housed, long remaining,
                                      BigDecimal shareRealisedPercent, long linked, Map<HousingForm, Long> housedByForm,
                                      Pace pace, List<MunicipalityPeriodState.PrtEntry> prt,
                                      List<MunicipalityPeriodState.SwapAwaitingAgreement> swapsAwaitingAgreement) {
    }

    public record ProvinceFigures(String period, String provincie, String naam, int gemeenten, long taakstelling,
                                  long backlog, long swappedIn, long swappedOut, long corrected, long housed, long remaining,
                                  BigDecimal shareRealisedPercent, long linked, Map<HousingForm, Long> housedByForm,
                                  Pace pace, Map<Pace.Level, Long> gemeentenPerPaceLevel) {
    }

    public record NationalFigures(String period, Integer nationalTaakstellingSet, LocalDate setOn, long taakstelling,
                                  long backlog, long swappedIn, long swappedOut, long corrected, long housed, long remaining,
                                  BigDecimal shareRealisedPercent, long linked, Map<HousingForm, Long> housedByForm,
                                  Pace pace, Integer minimum, Integer ambition, Long shortOfMinimum,
                                  List<ProvinceFigures> provincies) {
    }

    public record Waiting(long waiting, long permitsGranted, long linkedToGemeente,
                          Map<VergunningType, Long> grantedPerType, String lastWeek) {
    }

    public record FlexHomes(long realised, int target, LocalDate due, BigDecimal shareOfTargetPercent,
                            long centrallyProcured, int centralUnits, Map<String, Long> perProvincie) {
    }

    public MunicipalityFigures municipality(String period, String gmCode) {
        return municipality(period, gmCode, null, null);
    }

    /**
     * A municipality's figures as recorded by {@code knownAt} (events stored by then) and as valid on {@code validAt}
     * (events about that date or earlier), either or both; without them, the live read model. The point-in-time
     * answer folds the municipality's events with the same {@link MunicipalityPeriodState#evolve} as the projection.
     */
    public MunicipalityFigures municipality(String period, String gmCode, Instant knownAt, LocalDate validAt) {
        Period p = Period.parse(period);
        Gemeente g = Gemeenten.find(gmCode).orElseThrow(() -> new NotFoundException("no municipality " + gmCode));
        String key = MunicipalityPeriodState.key(p.toString(), g.code());
        MunicipalityPeriodState state = knownAt == null && validAt == null
                ? municipalities.findById(key).map(MunicipalityPeriodRecord::state).orElse(null)
                // from sequence 0: readEvents(id) alone starts at the municipality's snapshot, which a fold cannot read
                : events.readEvents(g.code(), 0).asStream()
                        .filter(m -> knownAt == null || !m.getTimestamp().isAfter(knownAt))
                        .map(DomainEventMessage::getPayload)
                        .filter(e -> key.equals(MunicipalityPeriodState.keyOf(e)))
                        .filter(e -> validAt == null || !MunicipalityPeriodState.occurredOn(e).isAfter(validAt))
                        .reduce(null, MunicipalityPeriodState::evolve, (a, b) -> b);
        HousingFigures f = state == null ? HousingFigures.ZERO : HousingFigures.of(state);
        LocalDate judgedOn = validAt != null ? validAt : LocalDate.now(clock);
        return new MunicipalityFigures(p.toString(), g.code(), g.naam(), g.provincieCode(), f.taakstelling(), f.backlog(),
                f.swappedIn(), f.swappedOut(), f.corrected(), f.housed(), f.remaining(), f.shareRealisedPercent(), f.linked(),
                f.housedByForm(), pace(p, f, judgedOn), state == null ? List.of() : state.prtEntries(),
                state == null ? List.of() : state.swapsAwaiting());
    }

    public ProvinceFigures province(String period, String pvCode) {
        Period p = Period.parse(period);
        String naam = Gemeenten.provincies().get(pvCode);
        if (naam == null) {
            throw new NotFoundException("no province " + pvCode);
        }
        Map<String, HousingFigures> perGemeente = municipalities.findByPeriodAndProvincie(p.toString(), pvCode).stream()
                .collect(Collectors.toMap(r -> r.state().gemeente(), r -> HousingFigures.of(r.state())));
        return province(p, pvCode, naam, perGemeente);
    }

    public NationalFigures national(String period) {
        Period p = Period.parse(period);
        Map<String, List<MunicipalityPeriodRecord>> perProvince = municipalities.findByPeriod(p.toString()).stream()
                .collect(Collectors.groupingBy(r -> r.state().provincie()));
        List<ProvinceFigures> provinces = Gemeenten.provincies().entrySet().stream()
                .map(pv -> province(p, pv.getKey(), pv.getValue(), perProvince.getOrDefault(pv.getKey(), List.of()).stream()
                        .collect(Collectors.toMap(r -> r.state().gemeente(), r -> HousingFigures.of(r.state())))))
                .toList();
        HousingFigures f = HousingFigures.sum(provinces.stream().map(HousingQueries::figures).toList());
        PeriodState set = periods.findById(p.toString()).map(PeriodRecord::state).orElse(null);
        // the minimum and the ambition the agreement sets for the period, if it sets any (catalogue/figures.yaml)
        Optional<AgreementFigures.PeriodFigures> agreed = AgreementFigures.load().period(p.toString());
        Integer minimum = agreed.map(AgreementFigures.PeriodFigures::minimum).orElse(null);
        Integer ambition = agreed.map(AgreementFigures.PeriodFigures::ambition).orElse(null);
        return new NationalFigures(p.toString(), set == null ? null : set.nationalTotal(), set == null ? null : set.setOn(),
                f.taakstelling(), f.backlog(), f.swappedIn(), f.swappedOut(), f.corrected(), f.housed(), f.remaining(), f.shareRealisedPercent(), f.linked(),
                f.housedByForm(), pace(p, f), minimum, ambition, minimum == null ? null : Math.max(0, minimum - f.housed()), provinces);
    }

    /**
     * Persons housed in {@code period} by every municipality, as valid on {@code validAt} and known now: III.12.2's
     * and III.12.4's figure at their due moment. A housing dated in the period but reported after it counts.
     */
    public long housedOn(String period, LocalDate validAt) {
        return municipalities.findByPeriod(Period.parse(period).toString()).stream()
                .mapToLong(r -> municipality(period, r.state().gemeente(), null, validAt).housed())
                .sum();
    }

    /** Flex homes realised by {@code validAt}, as known now (II.2's figure at its due moment). */
    public long flexHomesOn(LocalDate validAt) {
        List<String> realisedBy = jdbc.queryForList(
                "select distinct aggregate_identifier from domain_event_entry where payload_type = ?",
                String.class, FlexHomesRealised.class.getName());
        FlexHomesState s = realisedBy.stream()
                .flatMap(gemeente -> events.readEvents(gemeente, 0).asStream())
                .map(DomainEventMessage::getPayload)
                .filter(e -> e instanceof FlexHomesRealised f && !f.occurredOn().isAfter(validAt))
                .reduce(FlexHomesState.NONE, FlexHomesState::evolve, (a, b) -> b);
        return s.total();
    }

    /** Periods for which a national taakstelling was set, in order. */
    public List<String> periods() {
        return periods.findAll().stream().map(r -> r.state().period()).sorted().toList();
    }

    public Waiting waiting() {
        WaitingState s = waiting.findById(WaitingRecord.NATIONAL).map(WaitingRecord::state).orElse(WaitingState.NONE);
        Map<VergunningType, Long> perType = new EnumMap<>(VergunningType.class);
        for (VergunningType type : VergunningType.values()) {
            perType.put(type, 0L);
        }
        s.grantedPerWeek().values().forEach(week -> week.forEach((type, n) -> perType.merge(type, (long) n, Long::sum)));
        String lastWeek = s.grantedPerWeek().keySet().stream().max(String::compareTo).orElse(null);
        return new Waiting(s.waiting(), s.granted(), s.linked(), perType, lastWeek);
    }

    public FlexHomes flexHomes() {
        FlexHomesState s = flexHomes.findById(FlexHomesRecord.NATIONAL).map(FlexHomesRecord::state).orElse(FlexHomesState.NONE);
        Map<String, Long> perProvincie = new TreeMap<>();
        Gemeenten.provincies().keySet().forEach(pv -> perProvincie.put(pv, s.perProvincie().getOrDefault(pv, 0L)));
        return new FlexHomes(s.total(), FLEX_HOMES_TARGET, FLEX_HOMES_DUE,
                BigDecimal.valueOf(s.total() * 100).divide(BigDecimal.valueOf(FLEX_HOMES_TARGET), 1, RoundingMode.HALF_UP),
                s.centrallyProcured(), CENTRAL_FLEX_UNITS, perProvincie);
    }

    private ProvinceFigures province(Period p, String pvCode, String naam, Map<String, HousingFigures> perGemeente) {
        List<Gemeente> gemeenten = Gemeenten.inProvincie(pvCode);
        List<HousingFigures> parts = gemeenten.stream()
                .map(g -> perGemeente.getOrDefault(g.code(), HousingFigures.ZERO)).toList();
        HousingFigures f = HousingFigures.sum(parts);
        Map<Pace.Level, Long> perLevel = new EnumMap<>(Pace.Level.class);
        for (Pace.Level level : Pace.Level.values()) {
            perLevel.put(level, 0L);
        }
        parts.forEach(part -> perLevel.merge(pace(p, part).level(), 1L, Long::sum));
        return new ProvinceFigures(p.toString(), pvCode, naam, gemeenten.size(), f.taakstelling(), f.backlog(),
                f.swappedIn(), f.swappedOut(), f.corrected(), f.housed(), f.remaining(), f.shareRealisedPercent(), f.linked(), f.housedByForm(),
                pace(p, f), perLevel);
    }

    private static HousingFigures figures(ProvinceFigures pv) {
        return new HousingFigures(pv.taakstelling(), pv.backlog(), pv.swappedIn(), pv.swappedOut(), pv.corrected(),
                pv.housed(), pv.linked(), pv.housedByForm());
    }

    private Pace pace(Period p, HousingFigures f) {
        return pace(p, f, LocalDate.now(clock));
    }

    private Pace pace(Period p, HousingFigures f, LocalDate today) {
        return Pace.of(f.housed(), f.corrected(), p.monthsElapsed(today), p.isOver(today), thresholds);
    }
}
