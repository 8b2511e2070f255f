package nl.doorstroom.housing.projection;

import nl.doorstroom.platform.projection.FoldedRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link PeriodState} of one half year. */
@Entity
@Table(name = "housing_period")
public class PeriodRecord implements FoldedRecord<PeriodState> {

    @Id
    private String period;
    @JdbcTypeCode(SqlTypes.JSON)
    private PeriodState state;

    protected PeriodRecord() {
    }

    PeriodRecord(PeriodState state) {
        this.period = state.period();
        this.state = state;
    }

    @Override
    public void update(PeriodState state) {
        this.state = state;
    }

    @Override
    public PeriodState state() {
        return state;
    }
}
