package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.AmendBudgetAmount;
import nl.doorstroom.finance.domain.FinanceCommands.RecordBudgetLine;
import nl.doorstroom.finance.domain.FinanceCommands.ShiftBudgetAmount;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountAmended;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountShifted;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineRecorded;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

class BudgetLineTest {

    private static final LocalDate AGREED = LocalDate.of(2022, 8, 26);
    private static final BudgetLineRecorded INKOOPORDER = new BudgetLineRecorded("CENTRALE_INKOOPORDER_FLEXWONINGEN",
            "Centrale inkooporder flexwoningen", List.of("II.3"), Placement.TABLE, "4",
            Map.of(2022, new BigDecimal("95000000.00"), 2023, new BigDecimal("140300000.00")), Set.of(), null, null, AGREED);

    private AggregateTestFixture<BudgetLine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetLine.class);
    }

    @Test
    void the_agreed_line_is_recorded_once_and_a_second_recording_changes_nothing() {
        fixture.given(INKOOPORDER)
                .when(new RecordBudgetLine("CENTRALE_INKOOPORDER_FLEXWONINGEN", "Centrale inkooporder flexwoningen",
                        List.of("II.3"), Placement.TABLE, "4", Map.of(2022, new BigDecimal("1")), Set.of(), null, null, AGREED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void a_later_decision_amends_a_year_and_keeps_the_previous_amount_on_record() {
        fixture.given(INKOOPORDER)
                .when(new AmendBudgetAmount("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, new BigDecimal("150300000"),
                        "Voorjaarsnota 2023", LocalDate.of(2023, 4, 14)))
                .expectEvents(new BudgetAmountAmended("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, new BigDecimal("140300000.00"),
                        new BigDecimal("150300000.00"), "Voorjaarsnota 2023", LocalDate.of(2023, 4, 14)));
    }

    @Test
    void an_amendment_names_its_reason() {
        fixture.given(INKOOPORDER)
                .when(new AmendBudgetAmount("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, new BigDecimal("1"), "", AGREED))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_changed_cash_rhythm_shifts_part_of_a_year_to_the_next() {
        fixture.given(INKOOPORDER)
                .when(new ShiftBudgetAmount("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, 2024, new BigDecimal("40000000"),
                        "kasritme inkooporder", LocalDate.of(2023, 6, 1)))
                .expectEvents(new BudgetAmountShifted("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, 2024,
                        new BigDecimal("40000000.00"), "kasritme inkooporder", LocalDate.of(2023, 6, 1)));
    }

    @Test
    void no_more_can_be_shifted_than_the_year_holds() {
        fixture.given(INKOOPORDER)
                .when(new ShiftBudgetAmount("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2022, 2023, new BigDecimal("95000000.01"),
                        "te veel", AGREED))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
