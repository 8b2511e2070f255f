package nl.doorstroom.finance.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.doorstroom.platform.projection.FoldedRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link BudgetPositionState} of one line and year. */
@Entity
@Table(name = "finance_budget_position")
public class BudgetPositionRecord implements FoldedRecord<BudgetPositionState> {

    @Id
    @Column(name = "position_id")
    private String id;

    @JdbcTypeCode(SqlTypes.JSON)
    private BudgetPositionState state;

    protected BudgetPositionRecord() {
    }

    BudgetPositionRecord(BudgetPositionState state) {
        this.id = BudgetPositionState.id(state.line(), state.year());
        update(state);
    }

    @Override
    public void update(BudgetPositionState state) {
        this.state = state;

    }

    @Override
    public BudgetPositionState state() {
        return state;
    }
}
