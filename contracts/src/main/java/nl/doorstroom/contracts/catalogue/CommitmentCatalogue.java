package nl.doorstroom.contracts.catalogue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The machine-readable catalogue of every commitment in the agreement ({@code catalogue/commitments.yaml}).
 * It is data, not code: services register their part of it as events dated on {@link #agreedOn()}.
 */
public record CommitmentCatalogue(String source, LocalDate agreedOn, int version, List<CatalogueEntry> commitments) {

    public static final String RESOURCE = "/catalogue/commitments.yaml";
    public static final Set<String> SERVICES = Set.of("capacity", "housing", "finance", "deadline");

    public CommitmentCatalogue {
        commitments = List.copyOf(commitments);
        Set<String> refs = new HashSet<>();
        for (CatalogueEntry entry : commitments) {
            if (!refs.add(entry.ref())) {
                throw new IllegalStateException("commitment " + entry.ref() + " appears twice in the catalogue");
            }
            if (!SERVICES.contains(entry.service())) {
                throw new IllegalStateException("commitment " + entry.ref() + " has no known owner service: " + entry.service());
            }
            if (entry.kind() == null) {
                throw new IllegalStateException("commitment " + entry.ref() + " says not what kind of commitment it is");
            }
            if (entry.due() != null && entry.dueMoment() == null) {
                throw new IllegalStateException("commitment " + entry.ref() + " is due on " + entry.due()
                        + " but says not when on that day (dueMoment: START_OF_DAY or END_OF_DAY)");
            }
            for (CatalogueEntry.AlsoDue also : entry.also()) {
                if (also.kind() == null || also.dueMoment() == null || also.due() == null) {
                    throw new IllegalStateException("commitment " + entry.ref() + " names a further date without its date, kind or dueMoment");
                }
            }
        }
    }

    /** The catalogue on the classpath, read once per JVM: the register, the deadlines and the access rules all ask it. */
    public static CommitmentCatalogue load() {
        return Parsed.CATALOGUE;
    }

    private static final class Parsed {
        static final CommitmentCatalogue CATALOGUE = parse();
    }

    private static CommitmentCatalogue parse() {
        return CatalogueFiles.read(RESOURCE, CommitmentCatalogue.class, "the commitment catalogue");
    }

    public List<CatalogueEntry> ownedBy(String service) {
        return commitments.stream().filter(c -> c.service().equals(service)).toList();
    }

    public Optional<CatalogueEntry> find(String ref) {
        return commitments.stream().filter(c -> c.ref().equals(ref)).findFirst();
    }
}
