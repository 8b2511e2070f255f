package nl.doorstroom.capacity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The 25 veiligheidsregio's, read from the versioned reference file that names its source in its first line. */
public final class Veiligheidsregios {

    public static final String RESOURCE = "/reference/veiligheidsregios_25_2023.csv";
    private static final Map<String, Veiligheidsregio> ALL = load();

    private Veiligheidsregios() {
    }

    public static Collection<Veiligheidsregio> all() {
        return ALL.values();
    }

    public static Optional<Veiligheidsregio> find(String code) {
        return Optional.ofNullable(code).map(ALL::get);
    }

    private static Map<String, Veiligheidsregio> load() {
        Map<String, Veiligheidsregio> regions = new LinkedHashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Veiligheidsregios.class.getResourceAsStream(RESOURCE), RESOURCE), StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("vr_code,"))
                    .map(line -> line.split(","))
                    .forEach(f -> regions.put(f[0], new Veiligheidsregio(f[0], f[1], f[2], f[3])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (regions.size() != 25) {
            throw new IllegalStateException(RESOURCE + " should list 25 veiligheidsregio's, found " + regions.size());
        }
        return Collections.unmodifiableMap(regions);
    }
}
