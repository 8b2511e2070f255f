package nl.doorstroom.capacity.projection;

import nl.doorstroom.capacity.domain.Doelgroep;
import nl.doorstroom.capacity.domain.Veiligheidsregio;
import nl.doorstroom.capacity.domain.Veiligheidsregios;
import nl.doorstroom.platform.domain.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static nl.doorstroom.capacity.projection.LocationState.Kind.COA;
import static nl.doorstroom.capacity.projection.LocationState.Status.OPEN;

/** Answers the capacity questions from the read models. */
@Component
@Transactional(readOnly = true)
public class CapacityQueries {

    /** COA needs 51,000 places at the end of 2022 (introduction of the agreement; COA capacity decision May 2022). */
    public static final int COA_PLACES_NEEDED_END_2022 = 51_000;

    private final LocationRecords locations;
    private final PledgeRecords pledges;
    private final OutflowRecords outflow;

    public CapacityQueries(LocationRecords locations, PledgeRecords pledges, OutflowRecords outflow) {
        this.locations = locations;
        this.pledges = pledges;
        this.outflow = outflow;
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
        Map<String, LocationRecords.RegionTotals> realised = locations.openCnoTotalsPerRegion().stream()
                .collect(Collectors.toMap(LocationRecords.RegionTotals::veiligheidsregio, Function.identity()));
        return Veiligheidsregios.all().stream()
                .map(vr -> region(vr, pledged.get(vr.code()), realised.get(vr.code())))
                .toList();
    }

    public RegionCapacity region(String code) {
        return regions().stream().filter(r -> r.veiligheidsregio().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("no veiligheidsregio " + code));
    }

    public NationalCapacity national() {
        Map<Doelgroep, long[]> groups = new EnumMap<>(Doelgroep.class);
        for (Doelgroep g : Doelgroep.values()) {
            groups.put(g, new long[2]);
        }
        for (LocationRecord record : locations.findByKindAndStatus(COA, OPEN)) {
            LocationState s = record.state();
            s.places().forEach((g, n) -> groups.get(g)[0] += n);
            s.occupied().forEach((g, n) -> groups.get(g)[1] += n);
        }
        Map<Doelgroep, GroupFigures> perGroup = new EnumMap<>(Doelgroep.class);
        groups.forEach((g, f) -> perGroup.put(g, new GroupFigures(f[0], f[1])));
        long coaPlaces = perGroup.values().stream().mapToLong(GroupFigures::places).sum();
        long coaOccupied = perGroup.values().stream().mapToLong(GroupFigures::occupied).sum();
        List<RegionCapacity> regions = regions();
        Map<String, Long> outflowPerPeriod = new java.util.TreeMap<>();
        outflow.findAll().forEach(r -> outflowPerPeriod.put(r.state().period(), r.state().persons()));
        return new NationalCapacity(COA_PLACES_NEEDED_END_2022, coaPlaces, coaOccupied,
                percent(coaPlaces, COA_PLACES_NEEDED_END_2022), perGroup,
                regions.stream().mapToLong(RegionCapacity::pledged).sum(),
                regions.stream().mapToLong(RegionCapacity::realised).sum(),
                regions.stream().mapToLong(RegionCapacity::occupied).sum(),
                outflowPerPeriod.values().stream().mapToLong(Long::longValue).sum(), outflowPerPeriod);
    }

    public LocationState location(String locationId) {
        return locations.findById(locationId).map(LocationRecord::state)
                .orElseThrow(() -> new NotFoundException("no location " + locationId));
    }

    private static RegionCapacity region(Veiligheidsregio vr, PledgeState pledge, LocationRecords.RegionTotals totals) {
        PledgeState p = pledge == null ? new PledgeState(vr.code(), 0, 0) : pledge;
        long realised = totals == null ? 0 : totals.places();
        return new RegionCapacity(vr.code(), vr.naam(), vr.provincieNaam(), p.pledged(), p.tranche1(), p.tranche2(),
                realised, totals == null ? 0 : totals.occupied(), totals == null ? 0 : totals.locations(),
                p.pledged() == 0 ? null : percent(realised, p.pledged()));
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
