package nl.doorstroom.finance.projection;

import nl.doorstroom.platform.register.CommitmentMeasure;
import nl.doorstroom.platform.register.FigureEvents;
import nl.doorstroom.platform.register.Measurement;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The register's figures for finance's commitments with a target, read from the table as amended and from the
 * advance: the table's grand total (TABEL), the structural amounts the articles promise, the advance paid (III.14).
 */
@Component
public class FinanceMeasure implements CommitmentMeasure {

    private final TableQueries table;
    private final AdvanceRecords advances;

    public FinanceMeasure(TableQueries table, AdvanceRecords advances) {
        this.table = table;
        this.advances = advances;
    }

    @Override
    public Optional<BigDecimal> actual(String ref) {
        return measurement(ref).map(Measurement::actual);
    }

    @Override
    public Optional<Measurement> measurement(String ref) {
        return switch (ref) {
            case "TABEL" -> ofTable("the table's grand total: every line in every year, as recorded, amended and"
                    + " shifted", FinancialTable::grandTotal);
            // II.9: structurally 83 million from the last year of the table on
            case "II.9" -> ofTable("the table's BDUR amount for 2026, as amended and shifted",
                    t -> t.amount("BDUR", 2026));
            case "III.10" -> ofTable("the table's OPVANG_AMV amount for 2023, as amended and shifted",
                    t -> t.amount("OPVANG_AMV", 2023));
            case "III.8" -> ofTable("the table's PROJECT_OVERLASTGEVERS amount for 2023, as amended and shifted",
                    t -> t.amount("PROJECT_OVERLASTGEVERS", 2023));
            case "II.8.7" -> ofTable("the table's INBURGERING amounts for 2022, 2023 and 2024, as amended and shifted",
                    t -> t.amount("INBURGERING", 2022).add(t.amount("INBURGERING", 2023))
                            .add(t.amount("INBURGERING", 2024)));
            case "III.14" -> {
                List<AdvanceState> recipients = advances.findAll().stream().map(AdvanceRecord::state).toList();
                yield Optional.of(Measurement.of(
                        recipients.stream().map(AdvanceState::paid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                        "advance paid: AdvancePaid summed over every recipient",
                        FigureEvents.merge(recipients.stream().map(AdvanceState::paidMovedBy).toList())));
            }
            default -> Optional.empty();
        };
    }

    private Optional<Measurement> ofTable(String description, Function<FinancialTable, BigDecimal> figure) {
        TableQueries.TableFigure measured = table.figure(figure);
        return Optional.of(Measurement.of(measured.value(), description, measured.movedBy()));
    }
}
