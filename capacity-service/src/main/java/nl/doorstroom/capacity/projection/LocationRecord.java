package nl.doorstroom.capacity.projection;

import nl.doorstroom.platform.projection.FoldedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link LocationState} of one location, with the columns queries group by. */
@Entity
@Table(name = "capacity_location")
public class LocationRecord implements FoldedRecord<LocationState> {

    @Id
    @Column(name = "location_id")
    private String locationId;
    @Enumerated(EnumType.STRING)
    private LocationState.Kind kind;
    private String veiligheidsregio;
    @Enumerated(EnumType.STRING)
    private LocationState.Status status;
    @Column(name = "places_total")
    private int placesTotal;
    @Column(name = "occupied_total")
    private int occupiedTotal;
    @JdbcTypeCode(SqlTypes.JSON)
    private LocationState state;

    protected LocationRecord() {
    }

    LocationRecord(LocationState state) {
        this.locationId = state.locationId();
        update(state);
    }

    @Override
    public void update(LocationState state) {
        this.state = state;
        this.kind = state.kind();
        this.veiligheidsregio = state.veiligheidsregio();
        this.status = state.status();
        this.placesTotal = state.placesTotal();
        this.occupiedTotal = state.occupiedTotal();
    }

    @Override
    public LocationState state() {
        return state;
    }
}
