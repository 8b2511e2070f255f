package nl.doorstroom.housing.projection;

import nl.doorstroom.platform.projection.FoldedRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link FlexHomesState}: one row for the whole country. */
@Entity
@Table(name = "housing_flex_homes")
public class FlexHomesRecord implements FoldedRecord<FlexHomesState> {

    static final String NATIONAL = "NL";

    @Id
    private String id;
    @JdbcTypeCode(SqlTypes.JSON)
    private FlexHomesState state;

    protected FlexHomesRecord() {
    }

    FlexHomesRecord(FlexHomesState state) {
        this.id = NATIONAL;
        this.state = state;
    }

    @Override
    public void update(FlexHomesState state) {
        this.state = state;
    }

    @Override
    public FlexHomesState state() {
        return state;
    }
}
