package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.AmendBudgetAmount;
import nl.doorstroom.finance.domain.FinanceCommands.ChargeBudgetLine;
import nl.doorstroom.finance.domain.FinanceCommands.PayFromBudgetLine;
import nl.doorstroom.finance.domain.FinanceCommands.RecordBudgetLine;
import nl.doorstroom.finance.domain.FinanceCommands.ShiftBudgetAmount;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountAmended;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountShifted;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineCharged;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLinePaymentMade;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineRecorded;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetOverrunRecorded;
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
            Map.of(2022, new BigDecimal("95000000.00"), 2023, new BigDecimal("140300000.00")), Set.of(), null, null,
            Set.of(Spending.DIRECT_PAYMENT), Set.of(), AGREED);
    private static final BudgetLineRecorded LEENFACILITEIT = new BudgetLineRecorded("BZK_LEENFACILITEIT",
            "BZK leenfaciliteit (inzet RVB panden)", List.of("II.4"), Placement.APART, null,
            Map.of(2023, new BigDecimal("67000000.00")), Set.of(), null, null, Set.of(), Set.of(), AGREED);
    private static final BudgetLineRecorded CNO_KOSTEN = new BudgetLineRecorded("CNO_KOSTEN", "Vergoeding kosten CNO",
            List.of("III.13"), Placement.REIMBURSEMENT, null, Map.of(), Set.of(), null, null, Set.of(Spending.CLAIM),
            Set.of(ClaimCategory.PERSONEEL), AGREED);
    private static final LocalDate PAID_ON = LocalDate.of(2022, 11, 1);

    private AggregateTestFixture<BudgetLine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetLine.class);
    }

    @Test
    void the_agreed_line_is_recorded_once_and_a_second_recording_changes_nothing() {
        fixture.given(INKOOPORDER)
                .when(new RecordBudgetLine("CENTRALE_INKOOPORDER_FLEXWONINGEN", "Centrale inkooporder flexwoningen",
                        List.of("II.3"), Placement.TABLE, "4", Map.of(2022, new BigDecimal("1")), Set.of(), null, null,
                        Set.of(Spending.DIRECT_PAYMENT), Set.of(), AGREED))
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

    @Test
    void the_rijk_pays_from_a_line_spent_directly_and_within_its_budget_no_overrun_is_recorded() {
        fixture.given(INKOOPORDER)
                .when(new PayFromBudgetLine("CENTRALE_INKOOPORDER_FLEXWONINGEN", "PAY-1", 2022, "RVB",
                        new BigDecimal("95000000"), "inkooporder eerste tranche", PAID_ON))
                .expectEvents(new BudgetLinePaymentMade("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2022, "PAY-1", "RVB",
                        new BigDecimal("95000000.00"), "inkooporder eerste tranche", new BigDecimal("95000000.00"), PAID_ON));
    }

    @Test
    void a_payment_beyond_the_years_budget_is_recorded_with_an_overrun_not_refused() {
        fixture.given(INKOOPORDER, new BudgetLinePaymentMade("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2022, "PAY-1", "RVB",
                        new BigDecimal("90000000.00"), null, new BigDecimal("90000000.00"), PAID_ON))
                .when(new PayFromBudgetLine("CENTRALE_INKOOPORDER_FLEXWONINGEN", "PAY-2", 2022, "RVB",
                        new BigDecimal("10000000"), null, PAID_ON))
                .expectEvents(
                        new BudgetLinePaymentMade("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2022, "PAY-2", "RVB",
                                new BigDecimal("10000000.00"), null, new BigDecimal("100000000.00"), PAID_ON),
                        new BudgetOverrunRecorded("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2022, new BigDecimal("95000000.00"),
                                new BigDecimal("100000000.00"), new BigDecimal("5000000.00"), "PAY-2", PAID_ON));
    }

    @Test
    void the_same_payment_twice_is_paid_once() {
        fixture.given(INKOOPORDER, new BudgetLinePaymentMade("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2022, "PAY-1", "RVB",
                        new BigDecimal("1000.00"), null, new BigDecimal("1000.00"), PAID_ON))
                .when(new PayFromBudgetLine("CENTRALE_INKOOPORDER_FLEXWONINGEN", "PAY-1", 2022, "RVB",
                        new BigDecimal("1000"), null, PAID_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nothing_is_paid_from_the_loan_facility() {
        fixture.given(LEENFACILITEIT)
                .when(new PayFromBudgetLine("BZK_LEENFACILITEIT", "PAY-1", 2023, "GM0363", new BigDecimal("1000"), null, PAID_ON))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("nothing is spent from it"))
                .expectNoEvents();
    }

    @Test
    void a_payment_names_a_recipient_the_rijk_pays() {
        fixture.given(INKOOPORDER)
                .when(new PayFromBudgetLine("CENTRALE_INKOOPORDER_FLEXWONINGEN", "PAY-1", 2022, "iemand", new BigDecimal("1000"),
                        null, PAID_ON))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_approval_charged_twice_commits_once() {
        BudgetLineCharged first = new BudgetLineCharged("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, "BC-1",
                new BigDecimal("1000.00"), new BigDecimal("1000.00"), PAID_ON);
        fixture.given(INKOOPORDER, first)
                .when(new ChargeBudgetLine("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, "BC-1", new BigDecimal("1000.00"), PAID_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_line_reimbursed_in_full_has_no_budget_to_charge_or_exceed() {
        fixture.given(CNO_KOSTEN)
                .when(new ChargeBudgetLine("CNO_KOSTEN", 2022, "DECL-1", new BigDecimal("5000000.00"), PAID_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_amendment_that_leaves_less_than_is_committed_records_an_overrun() {
        LocalDate voorjaarsnota = LocalDate.of(2023, 4, 14);
        fixture.given(INKOOPORDER, new BudgetLineCharged("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, "BC-1",
                        new BigDecimal("100000000.00"), new BigDecimal("100000000.00"), PAID_ON))
                .when(new AmendBudgetAmount("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, new BigDecimal("80000000"),
                        "Voorjaarsnota 2023", voorjaarsnota))
                .expectEvents(
                        new BudgetAmountAmended("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, new BigDecimal("140300000.00"),
                                new BigDecimal("80000000.00"), "Voorjaarsnota 2023", voorjaarsnota),
                        new BudgetOverrunRecorded("CENTRALE_INKOOPORDER_FLEXWONINGEN", 2023, new BigDecimal("80000000.00"),
                                new BigDecimal("100000000.00"), new BigDecimal("20000000.00"), "amendment of 2023", voorjaarsnota));
    }
}
