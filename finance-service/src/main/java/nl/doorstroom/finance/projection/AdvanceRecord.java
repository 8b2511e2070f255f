package nl.doorstroom.finance.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.doorstroom.platform.projection.FoldedRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link AdvanceState} of one recipient of the advance. */
@Entity
@Table(name = "finance_advance")
public class AdvanceRecord implements FoldedRecord<AdvanceState> {

    @Id
    @Column(name = "recipient")
    private String id;

    @JdbcTypeCode(SqlTypes.JSON)
    private AdvanceState state;

    protected AdvanceRecord() {
    }

    AdvanceRecord(AdvanceState state) {
        this.id = state.recipient();
        update(state);
    }

    @Override
    public void update(AdvanceState state) {
        this.state = state;

    }

    @Override
    public AdvanceState state() {
        return state;
    }
}
