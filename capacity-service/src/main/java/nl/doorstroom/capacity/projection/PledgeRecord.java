package nl.doorstroom.capacity.projection;

import nl.doorstroom.platform.projection.FoldedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored {@link PledgeState} of one veiligheidsregio. */
@Entity
@Table(name = "cno_pledge")
public class PledgeRecord implements FoldedRecord<PledgeState> {

    @Id
    private String veiligheidsregio;
    private int tranche1;
    private int tranche2;
    @Column(name = "pledged")
    private int pledged;

    protected PledgeRecord() {
    }

    PledgeRecord(PledgeState state) {
        this.veiligheidsregio = state.veiligheidsregio();
        update(state);
    }

    @Override
    public void update(PledgeState state) {
        this.tranche1 = state.tranche1();
        this.tranche2 = state.tranche2();
        this.pledged = state.pledged();
    }

    @Override
    public PledgeState state() {
        return new PledgeState(veiligheidsregio, tranche1, tranche2);
    }
}
