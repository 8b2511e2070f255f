package nl.doorstroom.finance.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import nl.doorstroom.finance.domain.BusinessCase.Status;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseApproved;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCasePaid;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseRejected;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseSubmitted;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A business case as its events make it (III.9). Derived figures are written out and recomputed when read back. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BusinessCaseState(String businessCaseId, String gemeente, String title, Status status, BigDecimal requested,
                                BigDecimal approved, String line, String reason, Instant submittedAt, Instant assessedAt,
                                LocalDate paidOn) {

    public static final Duration ASSESSMENT_TIME = Duration.ofHours(72);

    public static String businessCaseOf(Object event) {
        if (event instanceof BusinessCaseSubmitted e) return e.businessCaseId();
        if (event instanceof BusinessCaseApproved e) return e.businessCaseId();
        if (event instanceof BusinessCaseRejected e) return e.businessCaseId();
        if (event instanceof BusinessCasePaid e) return e.businessCaseId();
        return null;
    }

    public static BusinessCaseState evolve(BusinessCaseState s, Object event) {
        if (event instanceof BusinessCaseSubmitted e) {
            return new BusinessCaseState(e.businessCaseId(), e.gemeente(), e.title(), Status.SUBMITTED, e.amount(), null,
                    null, null, e.submittedAt(), null, null);
        }
        if (s == null) {
            return null;
        }
        if (event instanceof BusinessCaseApproved e) {
            return new BusinessCaseState(s.businessCaseId, s.gemeente, s.title, Status.APPROVED, s.requested, e.approved(),
                    e.line(), null, s.submittedAt, e.assessedAt(), null);
        }
        if (event instanceof BusinessCaseRejected e) {
            return new BusinessCaseState(s.businessCaseId, s.gemeente, s.title, Status.REJECTED, s.requested, null, null,
                    e.reason(), s.submittedAt, e.assessedAt(), null);
        }
        if (event instanceof BusinessCasePaid e) {
            return new BusinessCaseState(s.businessCaseId, s.gemeente, s.title, Status.PAID, s.requested, s.approved,
                    s.line, s.reason, s.submittedAt, s.assessedAt, e.occurredOn());
        }
        return s;
    }

    /** The moment by which the Rijk must have assessed it. */
    @JsonProperty
    public Instant assessBefore() {
        return submittedAt.plus(ASSESSMENT_TIME);
    }

    /** Null while not assessed. */
    @JsonProperty
    public Boolean assessedInTime() {
        return assessedAt == null ? null : !assessedAt.isAfter(assessBefore());
    }
}
