package nl.doorstroom.capacity.projection;

import nl.doorstroom.contracts.catalogue.AgreementFigures;
import jakarta.persistence.EntityManager;
import nl.doorstroom.capacity.domain.CapacityEvents.Dated;
import nl.doorstroom.capacity.domain.CapacityEvents.StatushoudersUitgestroomd;
import nl.doorstroom.capacity.domain.Doelgroep;
import nl.doorstroom.capacity.domain.Veiligheidsregio;
import nl.doorstroom.capacity.domain.Veiligheidsregios;
import nl.doorstroom.platform.domain.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static nl.doorstroom.capacity.projection.LocationState.Kind.CNO;
import static nl.doorstroom.capacity.projection.LocationState.Kind.COA;
import static nl.doorstroom.capacity.projection.LocationState.Status.OPEN;

/**
 * Answers the capacity questions: from the read models, or as known and valid at a point in time from the events,
 * folded with the projection's own folds. Both paths turn the states into figures with the same functions below.
 */
@Component
@Transactional(readOnly = true)
public class CapacityQueries {

    /**
     * COA's need of places as the agreement states it, the latest communicated (catalogue/figures.yaml: 51,000 at the
     * end of 2022, communicated on 1 July 2022); 0 when the agreement states none.
     */
    public static int coaPlacesNeeded() {
        return AgreementFigures.load().latestCoaNeed().map(AgreementFigures.CoaNeed::places).orElse(0);
    }

    private final LocationRecords locations;
    private final PledgeRecords pledges;
    private final OutflowRecords outflow;
    private final EventStore events;
    private final EntityManager entityManager;

    public CapacityQueries(LocationRecords locations, PledgeRecords pledges, OutflowRecords outflow, EventStore events,
                           EntityManager entityManager) {
        this.locations = locations;
        this.pledges = pledges;
        this.outflow = outflow;
        this.events = events;
        this.entityManager = entityManager;
    }

    public record RegionCapacity(String veiligheidsregio, String naam, String provincie, int pledged, int tranche1,
                                 int tranche2, long realised, long occupied, long openLocations,
                                 BigDecimal shareOfPledgePercent) {
    }

    public record GroupFigures(long places, long occupied) {
    }

    public record NationalCapacity(int coaPlacesNeeded, long coaPlaces, long coaOccupied,
                                   BigDecimal shareOfNeededPercent, Map<Doelgroep, GroupFigures> perDoelgroep,
                                   long cnoPlacesPledged, long cnoPlacesRealised, long cnoOccupied,
                                   long statushoudersOutflow, Map<String, Long> statushoudersOutflowPerPeriod) {
    }

    public List<RegionCapacity> regions() {
        Map<String, PledgeState> pledged = pledges.findAll().stream().map(PledgeRecord::state)
                .collect(Collectors.toMap(PledgeState::veiligheidsregio, Function.identity()));
        return regions(pledged, states(locations.findByKindAndStatus(CNO, OPEN)));
    }

    public RegionCapacity region(String code) {
        return region(code, null, null);
    }

    /**
     * A veiligheidsregio's figures as recorded by {@code knownAt} (events stored by then) and as valid on
     * {@code validAt} (events about that date or earlier), either or both; without them, the live read model. The
     * point-in-time answer folds the region's pledge and each of its CNO locations with the projection's
     * {@link PledgeState#evolve} and {@link LocationState#evolve}; a location opened later folds to nothing.
     */
    public RegionCapacity region(String code, Instant knownAt, LocalDate validAt) {
        Veiligheidsregio vr = Veiligheidsregios.find(code).orElseThrow(() -> new NotFoundException("no veiligheidsregio " + code));
        if (knownAt == null && validAt == null) {
            return region(vr, pledges.findById(vr.code()).map(PledgeRecord::state).orElse(null),
                    states(locations.findByKindAndStatusAndVeiligheidsregio(CNO, OPEN, vr.code())));
        }
        List<LocationState> cno = locations.idsOf(CNO, vr.code()).stream()
                .map(id -> fold(id, knownAt, validAt, LocationState::evolve))
                .filter(Objects::nonNull)
                .toList();
        return region(vr, fold(vr.code(), knownAt, validAt, PledgeState::evolve), cno);
    }

    public NationalCapacity national() {
        return national(null, null);
    }

    /**
     * The national figures as recorded by {@code knownAt} and as valid on {@code validAt}, either or both; without
     * them, the live read model. The point-in-time answer folds every location, every region's pledge and every
     * municipality's outflow with the projection's folds, and adds them up as the live answer does.
     */
    public NationalCapacity national(Instant knownAt, LocalDate validAt) {
        if (knownAt == null && validAt == null) {
            return national(states(locations.findByKindAndStatus(COA, OPEN)), regions(),
                    outflow.findAll().stream().map(OutflowRecord::state).toList());
        }
        List<LocationState> all = locations.allIds().stream()
                .map(id -> fold(id, knownAt, validAt, LocationState::evolve))
                .filter(Objects::nonNull)
                .toList();
        Map<String, PledgeState> pledged = new HashMap<>();
        for (Veiligheidsregio vr : Veiligheidsregios.all()) {
            PledgeState pledge = fold(vr.code(), knownAt, validAt, PledgeState::evolve);
            if (pledge != null) {
                pledged.put(vr.code(), pledge);
            }
        }
        Map<String, OutflowState> outflowPerPeriod = new TreeMap<>();
        for (String gemeente : uitstroomIds()) {
            events(gemeente, knownAt, validAt).forEach(event -> {
                if (event instanceof StatushoudersUitgestroomd e) {
                    outflowPerPeriod.compute(e.period(), (period, s) -> OutflowState.evolve(s, e));
                }
            });
        }
        return national(all, regions(pledged, all), outflowPerPeriod.values());
    }

    /** Places and occupied places of open locations. */
    public record OpenPlaces(long places, long occupied) {
    }

    /**
     * Every veiligheidsregio's places and occupancy in its open CNO locations, summed by PostgreSQL from the read
     * model's columns: the gauges ask every few seconds, and loading every location's state took a quarter of the
     * service's CPU with 17,000 locations. The same sums as {@link #regions()}.
     */
    public Map<String, OpenPlaces> openCnoPlacesPerRegion() {
        Map<String, OpenPlaces> perRegion = new TreeMap<>();
        Veiligheidsregios.all().forEach(vr -> perRegion.put(vr.code(), new OpenPlaces(0, 0)));
        for (Object row : entityManager.createNativeQuery("""
                        select veiligheidsregio, sum(places_total), sum(occupied_total) from capacity_location
                        where kind = 'CNO' and status = 'OPEN' and veiligheidsregio is not null group by veiligheidsregio""")
                .getResultList()) {
            Object[] r = (Object[]) row;
            perRegion.put((String) r[0], new OpenPlaces(((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return perRegion;
    }

    /** COA's places and occupancy in open locations per target group, summed by PostgreSQL; as {@link #national()}. */
    public Map<Doelgroep, OpenPlaces> openCoaPlacesPerDoelgroep() {
        Map<Doelgroep, long[]> sums = new EnumMap<>(Doelgroep.class);
        for (Doelgroep g : Doelgroep.values()) {
            sums.put(g, new long[2]);
        }
        for (Object row : entityManager.createNativeQuery("""
                        select figure.doelgroep, figure.column_index, sum(figure.number) from capacity_location,
                        lateral (select key, 0, value::bigint from jsonb_each_text(state -> 'places')
                                 union all select key, 1, value::bigint from jsonb_each_text(state -> 'occupied'))
                            as figure (doelgroep, column_index, number)
                        where kind = 'COA' and status = 'OPEN' group by figure.doelgroep, figure.column_index""")
                .getResultList()) {
            Object[] r = (Object[]) row;
            sums.get(Doelgroep.valueOf((String) r[0]))[((Number) r[1]).intValue()] = ((Number) r[2]).longValue();
        }
        Map<Doelgroep, OpenPlaces> perGroup = new EnumMap<>(Doelgroep.class);
        sums.forEach((g, f) -> perGroup.put(g, new OpenPlaces(f[0], f[1])));
        return perGroup;
    }

    /** The places each veiligheidsregio pledged (III.1). */
    public Map<String, Integer> pledgedPerRegion() {
        Map<String, Integer> pledged = new TreeMap<>();
        Veiligheidsregios.all().forEach(vr -> pledged.put(vr.code(), 0));
        pledges.findAll().forEach(p -> pledged.put(p.state().veiligheidsregio(), p.state().pledged()));
        return pledged;
    }

    /** Status holders who left reception for a municipality, per half year. */
    public Map<String, Long> outflowPerPeriod() {
        Map<String, Long> perPeriod = new TreeMap<>();
        outflow.findAll().forEach(o -> perPeriod.put(o.state().period(), o.state().persons()));
        return perPeriod;
    }

    public LocationState location(String locationId) {
        return locations.findById(locationId).map(LocationRecord::state)
                .orElseThrow(() -> new NotFoundException("no location " + locationId));
    }

    /** Every veiligheidsregio's figures from the pledges and the CNO locations (of any status; only open ones count). */
    static List<RegionCapacity> regions(Map<String, PledgeState> pledged, Collection<LocationState> cnoLocations) {
        Map<String, List<LocationState>> perRegion = cnoLocations.stream()
                .filter(l -> l.veiligheidsregio() != null)
                .collect(Collectors.groupingBy(LocationState::veiligheidsregio));
        return Veiligheidsregios.all().stream()
                .map(vr -> region(vr, pledged.get(vr.code()), perRegion.getOrDefault(vr.code(), List.of())))
                .toList();
    }

    /** A veiligheidsregio's figures: its pledge, and the places and occupancy of its open CNO locations. */
    static RegionCapacity region(Veiligheidsregio vr, PledgeState pledge, Collection<LocationState> cnoLocations) {
        PledgeState p = pledge == null ? new PledgeState(vr.code(), 0, 0) : pledge;
        List<LocationState> open = cnoLocations.stream()
                .filter(l -> l.kind() == CNO && l.status() == OPEN && vr.code().equals(l.veiligheidsregio()))
                .toList();
        long realised = open.stream().mapToLong(LocationState::placesTotal).sum();
        long occupied = open.stream().mapToLong(LocationState::occupiedTotal).sum();
        return new RegionCapacity(vr.code(), vr.naam(), vr.provincieNaam(), p.pledged(), p.tranche1(), p.tranche2(),
                realised, occupied, open.size(), p.pledged() == 0 ? null : percent(realised, p.pledged()));
    }

    /** The national figures: COA places of the open COA locations per target group, the regions' CNO totals, outflow. */
    static NationalCapacity national(Collection<LocationState> locations, List<RegionCapacity> regions,
                                     Collection<OutflowState> outflow) {
        Map<Doelgroep, long[]> groups = new EnumMap<>(Doelgroep.class);
        for (Doelgroep g : Doelgroep.values()) {
            groups.put(g, new long[2]);
        }
        for (LocationState s : locations) {
            if (s.kind() == COA && s.status() == OPEN) {
                s.places().forEach((g, n) -> groups.get(g)[0] += n);
                s.occupied().forEach((g, n) -> groups.get(g)[1] += n);
            }
        }
        Map<Doelgroep, GroupFigures> perGroup = new EnumMap<>(Doelgroep.class);
        groups.forEach((g, f) -> perGroup.put(g, new GroupFigures(f[0], f[1])));
        long coaPlaces = perGroup.values().stream().mapToLong(GroupFigures::places).sum();
        long coaOccupied = perGroup.values().stream().mapToLong(GroupFigures::occupied).sum();
        Map<String, Long> outflowPerPeriod = new TreeMap<>();
        outflow.forEach(s -> outflowPerPeriod.put(s.period(), s.persons()));
        int needed = coaPlacesNeeded();
        return new NationalCapacity(needed, coaPlaces, coaOccupied, needed == 0 ? null : percent(coaPlaces, needed), perGroup,
                regions.stream().mapToLong(RegionCapacity::pledged).sum(),
                regions.stream().mapToLong(RegionCapacity::realised).sum(),
                regions.stream().mapToLong(RegionCapacity::occupied).sum(),
                outflowPerPeriod.values().stream().mapToLong(Long::longValue).sum(), outflowPerPeriod);
    }

    /**
     * COA's locations as valid on {@code validAt}, as known now: INL.1's figure at its due moment. Only the COA
     * locations are folded (with the projection's fold); CNO locations, the most numerous, do not count towards it.
     */
    public List<LocationState> coaLocationsOn(LocalDate validAt) {
        return locations.findByKind(COA).stream()
                // one opened after the date had no places then: no fold (COA's messages of today, by the thousand)
                .filter(r -> r.state().openedOn() == null || !r.state().openedOn().isAfter(validAt))
                .map(r -> this.<LocationState>fold(r.state().locationId(), null, validAt, LocationState::evolve))
                .filter(Objects::nonNull)
                .toList();
    }

    private <S> S fold(String aggregateId, Instant knownAt, LocalDate validAt, BiFunction<S, Object, S> evolve) {
        return events(aggregateId, knownAt, validAt).reduce(null, evolve, (a, b) -> b);
    }

    /** The events of one aggregate recorded by {@code knownAt} and about {@code validAt} or earlier (null: no limit). */
    private Stream<Object> events(String aggregateId, Instant knownAt, LocalDate validAt) {
        // from sequence 0: readEvents(id) alone starts at the aggregate's snapshot, which a fold cannot read
        return events.readEvents(aggregateId, 0).asStream()
                .filter(m -> knownAt == null || !m.getTimestamp().isAfter(knownAt))
                .filter(m -> validAt == null || !((Dated) m.getPayload()).occurredOn().isAfter(validAt))
                .<Object>map(DomainEventMessage::getPayload);
    }

    /** Outflow is kept per half year, not per municipality, so the municipalities are found in the event store. */
    @SuppressWarnings("unchecked")
    private List<String> uitstroomIds() {
        return entityManager.createNativeQuery("""
                        select aggregate_identifier from domain_event_entry
                        where type = 'Uitstroom' and sequence_number = 0 order by global_index""")
                .getResultList();
    }

    private static List<LocationState> states(List<LocationRecord> records) {
        return records.stream().map(LocationRecord::state).toList();
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
