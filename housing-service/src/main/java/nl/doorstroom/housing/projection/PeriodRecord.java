package nl.doorstroom.housing.projection;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link PeriodState} of one half year. */
@Entity
@Table(name = "housing_period")
public class PeriodRecord {

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

    void update(PeriodState state) {
        this.state = state;
    }

    public PeriodState state() {
        return state;
    }
}
