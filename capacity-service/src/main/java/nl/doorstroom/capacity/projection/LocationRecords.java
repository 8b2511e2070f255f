package nl.doorstroom.capacity.projection;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface LocationRecords extends JpaRepository<LocationRecord, String> {

    List<LocationRecord> findByKindAndStatus(LocationState.Kind kind, LocationState.Status status);

    List<LocationRecord> findByKind(LocationState.Kind kind);

    List<LocationRecord> findByKindAndStatusAndVeiligheidsregio(LocationState.Kind kind, LocationState.Status status,
                                                                 String veiligheidsregio);

    /** Every location of a kind in a veiligheidsregio, whatever its status: the aggregates a point-in-time answer folds. */
    @Query("select l.locationId from LocationRecord l where l.kind = ?1 and l.veiligheidsregio = ?2 order by l.locationId")
    List<String> idsOf(LocationState.Kind kind, String veiligheidsregio);

    @Query("select l.locationId from LocationRecord l order by l.locationId")
    List<String> allIds();
}
