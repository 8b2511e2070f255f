package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.PayAdvance;
import nl.doorstroom.finance.domain.FinanceCommands.SettleAdvance;
import nl.doorstroom.finance.domain.FinanceEvents.AdvancePaid;
import nl.doorstroom.finance.domain.FinanceEvents.AdvanceSchemeEstablished;
import nl.doorstroom.finance.domain.FinanceEvents.AdvanceSettled;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

class AdvanceSchemeTest {

    private static final LocalDate AGREED = LocalDate.of(2022, 8, 26);
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000.00");

    private AggregateTestFixture<AdvanceScheme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AdvanceScheme.class);
    }

    @Test
    void the_advance_never_pays_out_more_than_the_hundred_million_agreed() {
        fixture.given(new AdvanceSchemeEstablished(AdvanceScheme.ID, HUNDRED_MILLION, AGREED),
                        new AdvancePaid(AdvanceScheme.ID, "VR01", new BigDecimal("99000000.00"), AGREED))
                .when(new PayAdvance(AdvanceScheme.ID, "GM0014", new BigDecimal("1000000.01"), AGREED))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_ggd_receives_no_advance() {
        fixture.given(new AdvanceSchemeEstablished(AdvanceScheme.ID, HUNDRED_MILLION, AGREED))
                .when(new PayAdvance(AdvanceScheme.ID, "GGD01", new BigDecimal("1000.00"), AGREED))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_payment_settles_the_recipients_open_advance_up_to_what_is_open() {
        fixture.given(new AdvanceSchemeEstablished(AdvanceScheme.ID, HUNDRED_MILLION, AGREED),
                        new AdvancePaid(AdvanceScheme.ID, "VR01", new BigDecimal("50000.00"), AGREED))
                .when(new SettleAdvance(AdvanceScheme.ID, "VR01", "DECL-1", new BigDecimal("80000.00"), AGREED.plusDays(40)))
                .expectEvents(new AdvanceSettled(AdvanceScheme.ID, "VR01", "DECL-1", new BigDecimal("50000.00"),
                        new BigDecimal("0.00"), AGREED.plusDays(40)));
    }

    @Test
    void a_recipient_without_an_open_advance_settles_nothing() {
        fixture.given(new AdvanceSchemeEstablished(AdvanceScheme.ID, HUNDRED_MILLION, AGREED),
                        new AdvancePaid(AdvanceScheme.ID, "VR01", new BigDecimal("50000.00"), AGREED),
                        new AdvanceSettled(AdvanceScheme.ID, "VR01", "DECL-1", new BigDecimal("50000.00"), new BigDecimal("0.00"), AGREED))
                .when(new SettleAdvance(AdvanceScheme.ID, "VR01", "DECL-2", new BigDecimal("10.00"), AGREED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
