package nl.doorstroom.finance.projection;

import nl.doorstroom.platform.projection.Folds;
import nl.doorstroom.platform.register.EventRef;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the finance read models: each row is what its state's pure {@code evolve} returns. */
@Component
@ProcessingGroup(FinanceProjection.PROCESSING_GROUP)
public class FinanceProjection {

    public static final String PROCESSING_GROUP = "finance-projection";

    private final ClaimRecords claims;
    private final BusinessCaseRecords businessCases;
    private final AdvanceRecords advances;
    private final BudgetPositionRecords positions;

    public FinanceProjection(ClaimRecords claims, BusinessCaseRecords businessCases, AdvanceRecords advances,
                             BudgetPositionRecords positions) {
        this.claims = claims;
        this.businessCases = businessCases;
        this.advances = advances;
        this.positions = positions;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        String claim = ClaimState.claimOf(event);
        if (claim != null) {
            Folds.fold(claims, claim, event, ClaimState::evolve, ClaimRecord::new);
        }
        String businessCase = BusinessCaseState.businessCaseOf(event);
        if (businessCase != null) {
            Folds.fold(businessCases, businessCase, event, BusinessCaseState::evolve, BusinessCaseRecord::new);
        }
        String recipient = AdvanceState.recipientOf(event);
        if (recipient != null) {
            EventRef at = EventRef.of(message);
            Folds.fold(advances, recipient, event, (s, e) -> AdvanceState.evolveNoting(s, e, at), AdvanceRecord::new);
        }
        String position = BudgetPositionState.positionOf(event);
        if (position != null) {
            Folds.fold(positions, position, event, BudgetPositionState::evolve, BudgetPositionRecord::new);
        }
    }

    @ResetHandler
    void reset() {
        claims.deleteAllInBatch();
        businessCases.deleteAllInBatch();
        advances.deleteAllInBatch();
        positions.deleteAllInBatch();
    }
}
