package nl.doorstroom.capacity.projection;

import nl.doorstroom.platform.projection.FoldedRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored {@link OutflowState} of one half year. */
@Entity
@Table(name = "reception_outflow")
public class OutflowRecord implements FoldedRecord<OutflowState> {

    @Id
    private String period;
    private long persons;

    protected OutflowRecord() {
    }

    OutflowRecord(OutflowState state) {
        this.period = state.period();
        update(state);
    }

    @Override
    public void update(OutflowState state) {
        this.persons = state.persons();
    }

    @Override
    public OutflowState state() {
        return new OutflowState(period, persons);
    }
}
