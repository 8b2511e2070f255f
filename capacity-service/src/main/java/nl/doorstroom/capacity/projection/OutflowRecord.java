package nl.doorstroom.capacity.projection;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored {@link OutflowState} of one half year. */
@Entity
@Table(name = "reception_outflow")
public class OutflowRecord {

    @Id
    private String period;
    private long persons;

    protected OutflowRecord() {
    }

    OutflowRecord(OutflowState state) {
        this.period = state.period();
        update(state);
    }

    void update(OutflowState state) {
        this.persons = state.persons();
    }

    public OutflowState state() {
        return new OutflowState(period, persons);
    }
}
