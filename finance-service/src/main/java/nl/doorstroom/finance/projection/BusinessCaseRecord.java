package nl.doorstroom.finance.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.doorstroom.platform.projection.FoldedRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored {@link BusinessCaseState} of one business case. */
@Entity
@Table(name = "finance_business_case")
public class BusinessCaseRecord implements FoldedRecord<BusinessCaseState> {

    @Id
    @Column(name = "business_case_id")
    private String id;
    private String gemeente;
    private String status;
    @JdbcTypeCode(SqlTypes.JSON)
    private BusinessCaseState state;

    protected BusinessCaseRecord() {
    }

    BusinessCaseRecord(BusinessCaseState state) {
        this.id = state.businessCaseId();
        update(state);
    }

    @Override
    public void update(BusinessCaseState state) {
        this.state = state;
        this.gemeente = state.gemeente();
        this.status = state.status().name();
    }

    @Override
    public BusinessCaseState state() {
        return state;
    }
}
