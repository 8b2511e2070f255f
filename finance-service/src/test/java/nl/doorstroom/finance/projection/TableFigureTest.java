package nl.doorstroom.finance.projection;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountAmended;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetAmountShifted;
import nl.doorstroom.finance.domain.FinanceEvents.BudgetLineRecorded;
import nl.doorstroom.finance.domain.Placement;
import nl.doorstroom.platform.register.EventRef;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The events the register names behind a figure of the table: those that changed it, and no others. */
class TableFigureTest {

    private static final LocalDate AGREED_ON = LocalDate.of(2022, 8, 26);

    private final Map<String, List<DomainEventMessage<?>>> lines = new LinkedHashMap<>();
    private TableQueries table;
    private Instant clock = Instant.parse("2022-08-26T08:00:00Z");

    @BeforeEach
    void setUp() {
        EventStore events = mock(EventStore.class);
        when(events.readEvents(anyString())).thenAnswer(i -> DomainEventStream.of(lines.get(i.<String>getArgument(0))));
        EntityManager entityManager = mock(EntityManager.class);
        Query ids = mock(Query.class);
        when(entityManager.createNativeQuery(anyString())).thenReturn(ids);
        when(ids.getResultList()).thenAnswer(i -> new ArrayList<>(lines.keySet()));
        table = new TableQueries(events, entityManager);
    }

    private String given(String line, Object event) {
        List<DomainEventMessage<?>> stream = lines.computeIfAbsent(line, l -> new ArrayList<>());
        String id = line + "#" + stream.size();
        clock = clock.plusSeconds(60);
        stream.add(new GenericDomainEventMessage<>("BudgetLine", line, stream.size(), event, Map.of(), id, clock));
        return id;
    }

    private static BigDecimal millions(int n) {
        return BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(1_000_000)).setScale(2);
    }

    private static BudgetLineRecorded recorded(String line, Map<Integer, BigDecimal> amounts) {
        return new BudgetLineRecorded(line, line, List.of(), Placement.TABLE, null, amounts, Set.of(), null, null, Set.of(), Set.of(), AGREED_ON);
    }

    @Test
    void an_amendment_of_the_year_asked_moves_a_lines_amount_and_the_total_and_a_shift_between_other_years_moves_neither() {
        String bdurRecorded = given("BDUR", recorded("BDUR", Map.of(2025, millions(10), 2026, millions(60))));
        String bdurAmended = given("BDUR", new BudgetAmountAmended("BDUR", 2026, millions(60), millions(83), "structureel",
                LocalDate.of(2022, 11, 1)));
        given("BDUR", new BudgetAmountShifted("BDUR", 2025, 2024, millions(5), "kasschuif", LocalDate.of(2022, 12, 1)));
        String amvRecorded = given("OPVANG_AMV", recorded("OPVANG_AMV", Map.of(2023, millions(30))));

        TableQueries.TableFigure bdur2026 = table.figure(t -> t.amount("BDUR", 2026));
        TableQueries.TableFigure total = table.figure(FinancialTable::grandTotal);

        assertThat(bdur2026.value()).isEqualByComparingTo(millions(83));
        assertThat(bdur2026.movedBy().count()).isEqualTo(2);
        assertThat(bdur2026.movedBy().latest()).extracting(EventRef::eventIdentifier).containsExactly(bdurAmended, bdurRecorded);
        assertThat(total.value()).isEqualByComparingTo(millions(123))
                .isEqualByComparingTo(table.table(null, null).grandTotal());
        assertThat(total.movedBy().count()).isEqualTo(3);
        assertThat(total.movedBy().latest()).extracting(EventRef::eventIdentifier)
                .containsExactly(amvRecorded, bdurAmended, bdurRecorded);
        assertThat(total.movedBy().latest().get(1).eventType()).isEqualTo("BudgetAmountAmended");
        assertThat(total.movedBy().latest().get(1).occurredOn()).isEqualTo(LocalDate.of(2022, 11, 1));
    }
}
