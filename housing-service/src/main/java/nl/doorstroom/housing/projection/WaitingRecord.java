package nl.doorstroom.housing.projection;

import nl.doorstroom.platform.projection.FoldedRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link WaitingState}: one row for the whole country. */
@Entity
@Table(name = "housing_waiting")
public class WaitingRecord implements FoldedRecord<WaitingState> {

    static final String NATIONAL = "NL";

    @Id
    private String id;
    @JdbcTypeCode(SqlTypes.JSON)
    private WaitingState state;

    protected WaitingRecord() {
    }

    WaitingRecord(WaitingState state) {
        this.id = NATIONAL;
        this.state = state;
    }

    @Override
    public void update(WaitingState state) {
        this.state = state;
    }

    @Override
    public WaitingState state() {
        return state;
    }
}
