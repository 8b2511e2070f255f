package nl.doorstroom.platform.register;

import nl.doorstroom.platform.projection.FoldedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored result of {@link CommitmentState#evolve} for one commitment. */
@Entity
@Table(name = "commitment_register")
public class CommitmentEntry implements FoldedRecord<CommitmentState> {

    @Id
    private String ref;
    @Column(name = "reported_status")
    private String reportedStatus;
    @JdbcTypeCode(SqlTypes.JSON)
    private CommitmentState state;

    protected CommitmentEntry() {
    }

    CommitmentEntry(CommitmentState state) {
        this.ref = state.ref();
        update(state);
    }

    @Override
    public void update(CommitmentState state) {
        this.state = state;
        this.reportedStatus = state.reportedStatus().name();
    }

    @Override
    public CommitmentState state() {
        return state;
    }
}
