package nl.doorstroom.capacity.projection;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface LocationRecords extends JpaRepository<LocationRecord, String> {

    /** Per veiligheidsregio: open CNO places, their occupancy and the number of open CNO locations. */
    @Query("""
            select new nl.doorstroom.capacity.projection.LocationRecords$RegionTotals(
                l.veiligheidsregio, sum(l.placesTotal), sum(l.occupiedTotal), count(l))
            from LocationRecord l
            where l.kind = nl.doorstroom.capacity.projection.LocationState.Kind.CNO
              and l.status = nl.doorstroom.capacity.projection.LocationState.Status.OPEN
            group by l.veiligheidsregio""")
    List<RegionTotals> openCnoTotalsPerRegion();

    List<LocationRecord> findByKindAndStatus(LocationState.Kind kind, LocationState.Status status);

    record RegionTotals(String veiligheidsregio, long places, long occupied, long locations) {
    }
}
