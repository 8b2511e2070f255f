package nl.doorstroom.finance.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import nl.doorstroom.finance.domain.Claim.Status;
import nl.doorstroom.finance.domain.ClaimCategory;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimApproved;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimPaid;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimRejected;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimSubmitted;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A claim as its events make it. Derived figures are written out for readers and recomputed when read back. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClaimState(String claimId, String claimant, String veiligheidsregio, ClaimCategory category, String line,
                         int year, String cnoLocationId, String description, Status status, BigDecimal claimed,
                         BigDecimal approved, BigDecimal paid, String reason, LocalDate submittedOn, LocalDate decidedOn,
                         LocalDate paidOn) {

    public static String claimOf(Object event) {
        if (event instanceof ClaimSubmitted e) return e.claimId();
        if (event instanceof ClaimApproved e) return e.claimId();
        if (event instanceof ClaimRejected e) return e.claimId();
        if (event instanceof ClaimPaid e) return e.claimId();
        return null;
    }

    public static ClaimState evolve(ClaimState s, Object event) {
        if (event instanceof ClaimSubmitted e) {
            return new ClaimState(e.claimId(), e.claimant(), e.veiligheidsregio(), e.category(), e.line(), e.year(),
                    e.cnoLocationId(), e.description(), Status.SUBMITTED, e.amount(), null, null, null, e.occurredOn(),
                    null, null);
        }
        if (s == null) {
            return null;
        }
        if (event instanceof ClaimApproved e) {
            return new ClaimState(s.claimId, s.claimant, s.veiligheidsregio, s.category, s.line, s.year, s.cnoLocationId,
                    s.description, Status.APPROVED, s.claimed, e.approved(), null, e.reason(), s.submittedOn,
                    e.occurredOn(), null);
        }
        if (event instanceof ClaimRejected e) {
            return new ClaimState(s.claimId, s.claimant, s.veiligheidsregio, s.category, s.line, s.year, s.cnoLocationId,
                    s.description, Status.REJECTED, s.claimed, null, null, e.reason(), s.submittedOn, e.occurredOn(), null);
        }
        if (event instanceof ClaimPaid e) {
            return new ClaimState(s.claimId, s.claimant, s.veiligheidsregio, s.category, s.line, s.year, s.cnoLocationId,
                    s.description, Status.PAID, s.claimed, s.approved, e.amount(), s.reason, s.submittedOn, s.decidedOn,
                    e.occurredOn());
        }
        return s;
    }

    /** Approved in part: less approved than claimed. */
    @JsonProperty
    public boolean partlyApproved() {
        return approved != null && approved.compareTo(claimed) < 0;
    }
}
