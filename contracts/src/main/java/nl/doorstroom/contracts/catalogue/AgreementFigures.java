package nl.doorstroom.contracts.catalogue;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The figures the agreement states ({@code catalogue/figures.yaml}): per half year the national taakstelling, the
 * backlog, the minimum and the ambition, or the range expected; the status holders waiting in reception; COA's need
 * of places. Data, not code: the services take them from here, dated {@link #agreedOn()}.
 */
public record AgreementFigures(String source, LocalDate agreedOn, int version, List<PeriodFigures> periods,
                               Waiting waiting, List<CoaNeed> coaNeed) {

    public static final String RESOURCE = "/catalogue/figures.yaml";

    /**
     * One half year ({@code 2022-H2}). {@code taakstelling} is the national figure set by the agreement, with the
     * {@code basis} it was fixed on; {@code minimum} and {@code ambition} (which includes {@code acceleration}) are
     * what the agreement asks of the period; {@code expected} a range announced for a period not yet set.
     */
    public record PeriodFigures(String period, Integer taakstelling, String basis, Integer backlog, Integer minimum,
                                Integer ambition, Integer acceleration, Range expected) {
    }

    public record Range(int from, int to) {
    }

    /** Status holders in reception waiting for a home, as the agreement counts them on {@code on}. */
    public record Waiting(int persons, LocalDate on) {
    }

    /** COA's need of reception places {@code at} a date, as communicated on {@code decidedOn}. */
    public record CoaNeed(int places, LocalDate at, LocalDate decidedOn) {
    }

    public AgreementFigures {
        periods = List.copyOf(periods);
        coaNeed = List.copyOf(coaNeed);
        Set<String> seen = new HashSet<>();
        for (PeriodFigures p : periods) {
            if (!p.period().matches("\\d{4}-H[12]") || !seen.add(p.period())) {
                throw new IllegalStateException("figures: period " + p.period() + " is no half year or appears twice");
            }
            if (p.taakstelling() != null && p.minimum() != null && p.minimum() < p.taakstelling()) {
                throw new IllegalStateException("figures: the minimum of " + p.period() + " is below its taakstelling");
            }
            if (p.expected() != null && p.expected().from() > p.expected().to()) {
                throw new IllegalStateException("figures: the expected range of " + p.period() + " runs backwards");
            }
        }
    }

    /** The figures on the classpath, read once per JVM. */
    public static AgreementFigures load() {
        return Parsed.FIGURES;
    }

    private static final class Parsed {
        static final AgreementFigures FIGURES = parse();
    }

    private static AgreementFigures parse() {
        return CatalogueFiles.read(RESOURCE, AgreementFigures.class, "the agreement's figures");
    }

    public Optional<PeriodFigures> period(String period) {
        return periods.stream().filter(p -> p.period().equals(period)).findFirst();
    }

    /** The latest need communicated: the one in force from its day on. */
    public Optional<CoaNeed> latestCoaNeed() {
        return coaNeedOn(LocalDate.MAX);
    }

    /** The need in force on {@code day}: the latest communicated by then, none before the first. */
    public Optional<CoaNeed> coaNeedOn(LocalDate day) {
        return coaNeed.stream().filter(n -> !n.decidedOn().isAfter(day)).max(Comparator.comparing(CoaNeed::decidedOn));
    }
}
