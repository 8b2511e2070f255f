package nl.doorstroom.finance.projection;

import nl.doorstroom.platform.register.CommitmentMeasure;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The register's figures for finance's commitments with a target, read from the table as amended and from the
 * advance: the table's grand total (TABEL), the structural amounts the articles promise, the advance paid (III.14).
 */
@Component
public class FinanceMeasure implements CommitmentMeasure {

    private final TableQueries table;
    private final FinanceQueries queries;

    public FinanceMeasure(TableQueries table, FinanceQueries queries) {
        this.table = table;
        this.queries = queries;
    }

    @Override
    public Optional<BigDecimal> actual(String ref) {
        return switch (ref) {
            case "TABEL" -> Optional.of(table.table(null, null).grandTotal());
            // II.9: structurally 83 million from the last year of the table on
            case "II.9" -> Optional.of(table.table(null, null).amount("BDUR", 2026));
            case "III.10" -> Optional.of(table.table(null, null).amount("OPVANG_AMV", 2023));
            case "III.8" -> Optional.of(table.table(null, null).amount("PROJECT_OVERLASTGEVERS", 2023));
            case "II.8.7" -> {
                FinancialTable t = table.table(null, null);
                yield Optional.of(t.amount("INBURGERING", 2022).add(t.amount("INBURGERING", 2023)).add(t.amount("INBURGERING", 2024)));
            }
            case "III.14" -> Optional.of(queries.advance().paid());
            default -> Optional.empty();
        };
    }
}
