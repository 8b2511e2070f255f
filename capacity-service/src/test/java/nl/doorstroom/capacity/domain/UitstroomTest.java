package nl.doorstroom.capacity.domain;

import nl.doorstroom.capacity.domain.CapacityCommands.RecordUitstroom;
import nl.doorstroom.capacity.domain.CapacityEvents.StatushoudersUitgestroomd;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class UitstroomTest {

    private static final LocalDate OCT_3 = LocalDate.of(2022, 10, 3);
    private AggregateTestFixture<Uitstroom> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Uitstroom.class);
    }

    @Test
    void status_holders_housed_by_a_municipality_leave_reception() {
        fixture.given(new StatushoudersUitgestroomd("GM0363", "2022-H2", 12, OCT_3.minusDays(10)))
                .when(new RecordUitstroom("GM0363", "2022-H2", 30, OCT_3))
                .expectEvents(new StatushoudersUitgestroomd("GM0363", "2022-H2", 30, OCT_3));
    }

    @Test
    void an_outflow_is_of_at_least_one_person() {
        fixture.givenNoPriorActivity().when(new RecordUitstroom("GM0363", "2022-H2", 0, OCT_3))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void an_outflow_names_the_municipality_by_its_cbs_code() {
        fixture.givenNoPriorActivity().when(new RecordUitstroom("Amsterdam", "2022-H2", 5, OCT_3))
                .expectException(RuleViolation.class).expectNoEvents();
    }
}
