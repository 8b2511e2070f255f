package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.ApproveBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.PayBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.RejectBusinessCase;
import nl.doorstroom.finance.domain.FinanceCommands.SubmitBusinessCase;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseApproved;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCasePaid;
import nl.doorstroom.finance.domain.FinanceEvents.BusinessCaseSubmitted;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

class BusinessCaseTest {

    private static final Instant SUBMITTED = Instant.parse("2022-09-12T08:00:00Z");
    private static final LocalDate ON = LocalDate.of(2022, 9, 12);
    private static final BusinessCaseSubmitted CASE = new BusinessCaseSubmitted("BC-1", "GM0363", "Tijdelijke units Sloterdijk",
            new BigDecimal("2500000.00"), SUBMITTED, ON);

    private AggregateTestFixture<BusinessCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BusinessCase.class);
        fixture.registerInjectableResource(new AgreedBudgetLines());
    }

    @Test
    void a_municipality_submits_a_business_case_and_its_72_hours_start() {
        fixture.givenNoPriorActivity()
                .when(new SubmitBusinessCase("BC-1", "GM0363", "Tijdelijke units Sloterdijk", new BigDecimal("2500000"), SUBMITTED, ON))
                .expectEvents(CASE);
    }

    @Test
    void only_a_municipality_submits_one() {
        fixture.givenNoPriorActivity()
                .when(new SubmitBusinessCase("BC-1", "VR01", "x", new BigDecimal("1"), SUBMITTED, ON))
                .expectException(RuleViolation.class);
    }

    @Test
    void an_approval_charges_a_known_line_in_the_year_of_the_assessment() {
        Instant assessed = SUBMITTED.plusSeconds(3600 * 50);
        fixture.given(CASE)
                .when(new ApproveBusinessCase("BC-1", new BigDecimal("2000000"), "HUISVESTINGSPAKKET", assessed, ON.plusDays(2)))
                .expectEvents(new BusinessCaseApproved("BC-1", "GM0363", new BigDecimal("2500000.00"), new BigDecimal("2000000.00"),
                        "HUISVESTINGSPAKKET", 2022, SUBMITTED, assessed, ON.plusDays(2)));
    }

    @Test
    void an_approval_on_an_unknown_line_is_refused() {
        fixture.given(CASE)
                .when(new ApproveBusinessCase("BC-1", new BigDecimal("2000000"), "ONBEKEND", SUBMITTED, ON))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_rejection_needs_a_reason() {
        fixture.given(CASE)
                .when(new RejectBusinessCase("BC-1", null, SUBMITTED.plusSeconds(60), ON))
                .expectException(RuleViolation.class);
    }

    @Test
    void an_approved_case_is_paid_its_approved_amount() {
        fixture.given(CASE, new BusinessCaseApproved("BC-1", "GM0363", new BigDecimal("2500000.00"), new BigDecimal("2000000.00"),
                        "HUISVESTINGSPAKKET", 2022, SUBMITTED, SUBMITTED.plusSeconds(60), ON))
                .when(new PayBusinessCase("BC-1", ON.plusDays(3)))
                .expectEvents(new BusinessCasePaid("BC-1", "GM0363", "HUISVESTINGSPAKKET", 2022, new BigDecimal("2000000.00"), ON.plusDays(3)));
    }

    @Test
    void an_unassessed_case_is_not_paid() {
        fixture.given(CASE)
                .when(new PayBusinessCase("BC-1", ON))
                .expectException(RuleViolation.class);
    }

    @Test
    void the_bzk_loan_facility_takes_no_business_cases() {
        fixture.given(CASE)
                .when(new ApproveBusinessCase("BC-1", new BigDecimal("2000000"), "BZK_LEENFACILITEIT", SUBMITTED, ON))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("BZK_LEENFACILITEIT is not spent through business cases"))
                .expectNoEvents();
    }
}
