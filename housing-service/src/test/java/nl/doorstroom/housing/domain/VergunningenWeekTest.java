package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingCommands.RecordVergunningen;
import nl.doorstroom.housing.domain.HousingEvents.VergunningenVerleend;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static nl.doorstroom.housing.domain.VergunningType.ASIEL;
import static nl.doorstroom.housing.domain.VergunningType.NAREIS;

class VergunningenWeekTest {

    private static final LocalDate MONDAY = LocalDate.of(2022, 8, 29);
    private AggregateTestFixture<VergunningenWeek> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VergunningenWeek.class);
    }

    @Test
    void ind_reports_the_permits_granted_in_a_week() {
        fixture.givenNoPriorActivity()
                .when(new RecordVergunningen("2022-W35", Map.of(ASIEL, 900, NAREIS, 300), MONDAY))
                .expectEvents(new VergunningenVerleend("2022-W35", Map.of(ASIEL, 900, NAREIS, 300), MONDAY));
    }

    @Test
    void a_corrected_week_replaces_the_earlier_count() {
        fixture.given(new VergunningenVerleend("2022-W35", Map.of(ASIEL, 900), MONDAY))
                .when(new RecordVergunningen("2022-W35", Map.of(ASIEL, 950), MONDAY))
                .expectEvents(new VergunningenVerleend("2022-W35", Map.of(ASIEL, 950), MONDAY));
    }

    @Test
    void the_same_count_for_a_week_changes_nothing() {
        fixture.given(new VergunningenVerleend("2022-W35", Map.of(ASIEL, 900), MONDAY))
                .when(new RecordVergunningen("2022-W35", Map.of(ASIEL, 900), MONDAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_week_in_the_wrong_format_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordVergunningen("2022-35", Map.of(ASIEL, 900), MONDAY))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_negative_count_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordVergunningen("2022-W35", Map.of(ASIEL, -1), MONDAY))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
