package nl.doorstroom.housing.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The 342 municipalities and the municipal mergers of 2022–2023, read from versioned reference files that name
 * their source in their first line. A code of a municipality that merged away resolves to the one it joined, so
 * a message about Weesp or Brielle counts for Amsterdam or Voorne aan Zee.
 */
public final class Gemeenten {

    public static final String RESOURCE = "/reference/gemeenten_2023_342_vr_inwoners_20220101.csv";
    public static final String MERGERS = "/reference/gemeentelijke_herindelingen_2022_2023.csv";
    private static final Map<String, Gemeente> ALL = load();
    private static final Map<String, String> MERGED_INTO = loadMergers();
    private static final Map<String, String> PROVINCES = provinces();

    private Gemeenten() {
    }

    public static Collection<Gemeente> all() {
        return ALL.values();
    }

    /** The municipality with this code, following a merger to the municipality it is part of now. */
    public static Optional<Gemeente> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ALL.get(MERGED_INTO.getOrDefault(code, code)));
    }

    /** The province a municipality lies in ({@code PV27} for GM0363), following a merger; null for an unknown code. */
    public static String provincieOf(String code) {
        return find(code).map(Gemeente::provincieCode).orElse(null);
    }

    public static long totalInwoners() {
        return ALL.values().stream().mapToLong(Gemeente::inwoners).sum();
    }

    /** Province code to name, e.g. PV20 Groningen, in code order. */
    public static Map<String, String> provincies() {
        return PROVINCES;
    }

    public static List<Gemeente> inProvincie(String provincieCode) {
        return ALL.values().stream().filter(g -> g.provincieCode().equals(provincieCode)).toList();
    }

    private static Map<String, Gemeente> load() {
        Map<String, Gemeente> gemeenten = new LinkedHashMap<>();
        for (List<String> f : rows(RESOURCE, "gm_code,")) {
            gemeenten.put(f.get(0), new Gemeente(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), Long.parseLong(f.get(6))));
        }
        if (gemeenten.size() != 342) {
            throw new IllegalStateException(RESOURCE + " should list 342 municipalities, found " + gemeenten.size());
        }
        return Collections.unmodifiableMap(gemeenten);
    }

    private static Map<String, String> loadMergers() {
        Map<String, String> merged = new LinkedHashMap<>();
        for (List<String> f : rows(MERGERS, "gm_code_oud,")) {
            if (!ALL.containsKey(f.get(2))) {
                throw new IllegalStateException(MERGERS + " merges " + f.get(0) + " into unknown " + f.get(2));
            }
            merged.put(f.get(0), f.get(2));
        }
        return Collections.unmodifiableMap(merged);
    }

    private static Map<String, String> provinces() {
        Map<String, String> provinces = new TreeMap<>();
        ALL.values().forEach(g -> provinces.put(g.provincieCode(), g.provincieNaam()));
        return Collections.unmodifiableMap(provinces);
    }

    private static List<List<String>> rows(String resource, String header) {
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Gemeenten.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith(header))
                    .map(Gemeenten::fields)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one CSV line; a quoted field may hold commas ("Nuenen, Gerwen en Nederwetten"). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
