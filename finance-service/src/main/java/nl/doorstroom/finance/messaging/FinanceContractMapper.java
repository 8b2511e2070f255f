package nl.doorstroom.finance.messaging;

import nl.doorstroom.contracts.finance.FinanceEventsV1;
import nl.doorstroom.finance.domain.FinanceEvents;
import nl.doorstroom.platform.outbound.OutboundEventMapper;
import nl.doorstroom.platform.outbound.PublishedEvent;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Finance's domain events in the published contract, version 1: business cases (the deadline service's 72 hours),
 * claims and the advance. The agreed table and its amendments stay internal; they are read over HTTP.
 */
@Component
public class FinanceContractMapper implements OutboundEventMapper {

    @Override
    public Optional<PublishedEvent> toContract(Object event) {
        Record contract = contractOf(event);
        return Optional.ofNullable(contract).map(c -> new PublishedEvent(FinanceEventsV1.type(c.getClass()), c));
    }

    private static Record contractOf(Object event) {
        if (event instanceof FinanceEvents.BusinessCaseSubmitted e) {
            return new FinanceEventsV1.BusinessCaseSubmitted(e.businessCaseId(), e.gemeente(), e.title(), e.amount(),
                    e.submittedAt(), e.occurredOn());
        }
        if (event instanceof FinanceEvents.BusinessCaseApproved e) {
            return new FinanceEventsV1.BusinessCaseAssessed(e.businessCaseId(), e.gemeente(), "APPROVED", e.approved(),
                    e.assessedAt(), e.occurredOn());
        }
        if (event instanceof FinanceEvents.BusinessCaseRejected e) {
            return new FinanceEventsV1.BusinessCaseAssessed(e.businessCaseId(), e.gemeente(), "REJECTED",
                    BigDecimal.ZERO.setScale(2), e.assessedAt(), e.occurredOn());
        }
        if (event instanceof FinanceEvents.BusinessCasePaid e) {
            return new FinanceEventsV1.BusinessCasePaid(e.businessCaseId(), e.gemeente(), e.amount(), e.occurredOn());
        }
        if (event instanceof FinanceEvents.ClaimSubmitted e) {
            return new FinanceEventsV1.ClaimSubmitted(e.claimId(), e.claimant(), e.veiligheidsregio(), e.category().name(),
                    e.line(), e.year(), e.amount(), e.cnoLocationId(), e.occurredOn());
        }
        if (event instanceof FinanceEvents.ClaimApproved e) {
            return new FinanceEventsV1.ClaimDecided(e.claimId(), e.claimant(), e.veiligheidsregio(),
                    e.partly() ? "PARTLY_APPROVED" : "APPROVED", e.claimed(), e.approved(), e.reason(), e.occurredOn());
        }
        if (event instanceof FinanceEvents.ClaimRejected e) {
            return new FinanceEventsV1.ClaimDecided(e.claimId(), e.claimant(), e.veiligheidsregio(), "REJECTED", e.claimed(),
                    BigDecimal.ZERO.setScale(2), e.reason(), e.occurredOn());
        }
        if (event instanceof FinanceEvents.ClaimPaid e) {
            return new FinanceEventsV1.ClaimPaid(e.claimId(), e.claimant(), e.veiligheidsregio(), e.line(), e.year(),
                    e.amount(), e.occurredOn());
        }
        if (event instanceof FinanceEvents.AdvancePaid e) {
            return new FinanceEventsV1.AdvancePaid(e.recipient(), e.amount(), e.occurredOn());
        }
        if (event instanceof FinanceEvents.AdvanceSettled e) {
            return new FinanceEventsV1.AdvanceSettled(e.recipient(), e.settledBy(), e.amount(), e.open(), e.occurredOn());
        }
        return null;
    }
}
