package nl.doorstroom.finance.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The financial table as the agreement printed it, read from {@code reference/financiele-tabel-2022-08-26.yaml}
 * (amounts in millions, as printed). Only the recording at start-up reads it; every answer comes from the events.
 */
public record AgreementTable(String source, LocalDate recordedOn, List<Integer> years, Map<String, String> footnotes,
                             List<Line> lines, Advance advance) {

    public static final String RESOURCE = "/reference/financiele-tabel-2022-08-26.yaml";

    public record Line(String line, String title, List<String> articles, Placement placement,
                       Set<Spending> spentThrough, Set<ClaimCategory> claimCategories, String footnote,
                       Map<Integer, String> amounts, Set<Integer> structural, Integer continuesThrough,
                       String continuingAmount) {

        public Line {
            if (spentThrough == null) {
                throw new IllegalStateException("line " + line + " of the table file does not say how it is spent (spentThrough)");
            }
            claimCategories = claimCategories == null ? Set.of() : Set.copyOf(claimCategories);
            if (spentThrough.contains(Spending.CLAIM) == claimCategories.isEmpty()) {
                throw new IllegalStateException("line " + line + " names claimCategories exactly when it is spent through claims");
            }
        }

        /** The amounts per year in euros. */
        public Map<Integer, BigDecimal> euros() {
            Map<Integer, BigDecimal> euros = new TreeMap<>();
            amounts.forEach((year, millions) -> euros.put(year, Euros.fromMillions(millions)));
            return euros;
        }
    }

    public record Advance(String article, String amount, String footnote) {
    }

    /** The line as the file describes it, for budget lines recorded before their events carried how they are spent. */
    public Optional<Line> line(String name) {
        return lines.stream().filter(l -> l.line().equals(name)).findFirst();
    }

    private static volatile AgreementTable agreed;

    /** The file read once per JVM, for look-ups that need it after start-up. */
    public static AgreementTable agreed() {
        AgreementTable table = agreed;
        if (table == null) {
            agreed = table = load();
        }
        return table;
    }

    public static AgreementTable load() {
        ObjectMapper yaml = new YAMLMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = AgreementTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the financial table is missing: " + RESOURCE);
            }
            return yaml.readValue(in, AgreementTable.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the financial table " + RESOURCE, e);
        }
    }
}
