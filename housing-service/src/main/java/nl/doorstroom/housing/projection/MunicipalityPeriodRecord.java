package nl.doorstroom.housing.projection;

import nl.doorstroom.platform.projection.FoldedRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link MunicipalityPeriodState} of one municipality in one period, with the columns queries select by. */
@Entity
@Table(name = "housing_municipality_period")
public class MunicipalityPeriodRecord implements FoldedRecord<MunicipalityPeriodState> {

    @Id
    private String id;
    private String period;
    private String gemeente;
    private String provincie;
    private int corrected;
    private int housed;
    @JdbcTypeCode(SqlTypes.JSON)
    private MunicipalityPeriodState state;

    protected MunicipalityPeriodRecord() {
    }

    MunicipalityPeriodRecord(MunicipalityPeriodState state) {
        this.id = MunicipalityPeriodState.key(state.period(), state.gemeente());
        update(state);
    }

    @Override
    public void update(MunicipalityPeriodState state) {
        this.state = state;
        this.period = state.period();
        this.gemeente = state.gemeente();
        this.provincie = state.provincie();
        this.corrected = state.corrected();
        this.housed = state.housed();
    }

    @Override
    public MunicipalityPeriodState state() {
        return state;
    }
}
