package nl.doorstroom.finance.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.doorstroom.platform.projection.FoldedRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link ClaimState}, with the columns the pipeline groups by. */
@Entity
@Table(name = "finance_claim")
public class ClaimRecord implements FoldedRecord<ClaimState> {

    @Id
    @Column(name = "claim_id")
    private String id;
    private String veiligheidsregio;
    private String status;
    @JdbcTypeCode(SqlTypes.JSON)
    private ClaimState state;

    protected ClaimRecord() {
    }

    ClaimRecord(ClaimState state) {
        this.id = state.claimId();
        update(state);
    }

    @Override
    public void update(ClaimState state) {
        this.state = state;
        this.veiligheidsregio = state.veiligheidsregio();
        this.status = state.status().name();
    }

    @Override
    public ClaimState state() {
        return state;
    }
}
