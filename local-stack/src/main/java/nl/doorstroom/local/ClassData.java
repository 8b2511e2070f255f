package nl.doorstroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service run from its jar extracted by Spring Boot ({@code java -Djarmode=tools -jar x.jar extract}) with a class-data
 * archive of its own (AppCDS): the classes it loaded at its last run, read mapped from one file instead of found,
 * read, parsed and verified from the nested jars again. Seven JVMs start at once on the machine's cores, and loading
 * classes is most of their start-up (docs/benchmarks.md). The first start after a build has no archive yet and asks
 * the JVM to write one when it exits ({@code -XX:ArchiveClassesAtExit}); the starts after it read it
 * ({@code -XX:SharedArchiveFile}). A JVM that cannot use an archive (another JDK, a damaged file) says so in its log
 * and starts without one. Kept in {@code <services directory>/class-data/<name>/}; {@code DOORSTROOM_CLASS_DATA=off}
 * runs the executable jars as they are.
 */
record ClassData(Path jar, Path archive, boolean dumpsAtExit) {

    private static final String EXTRACTED_FROM = "extracted-from";

    static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getenv("DOORSTROOM_CLASS_DATA"));
    }

    /** Extracts every jar that is not extracted yet or was built since, side by side (a second or two each). */
    static void extractAll(Path servicesDirectory, List<String> names) {
        List<Process> extracting = new ArrayList<>();
        List<Path> extracted = new ArrayList<>();
        for (String name : names) {
            Path jar = servicesDirectory.resolve(name + ".jar");
            Path directory = directory(servicesDirectory, name);
            if (Files.isRegularFile(jar) && !built(jar).equals(read(directory.resolve(EXTRACTED_FROM)))) {
                delete(directory);
                try {
                    extracting.add(new ProcessBuilder(LocalStack.javaExecutable(), "-Djarmode=tools", "-jar",
                            jar.toAbsolutePath().toString(), "extract", "--destination", directory.toAbsolutePath().toString())
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                    extracted.add(jar);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not extract " + jar, e);
                }
            }
        }
        for (int i = 0; i < extracting.size(); i++) {
            Process p = extracting.get(i);
            Path jar = extracted.get(i);
            try {
                if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("extracting " + jar + " failed");
                }
                // written last: a directory without it is extracted again
                Files.writeString(directory(servicesDirectory, jar.getFileName().toString().replace(".jar", "")).resolve(EXTRACTED_FROM),
                        built(jar));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The extracted jar of {@code name}, and whether its archive is read or written at this start. */
    static ClassData of(Path servicesDirectory, String name) {
        Path directory = directory(servicesDirectory, name);
        Path jar = directory.resolve(name + ".jar").toAbsolutePath();
        Path archive = directory.resolve(name + ".jsa").toAbsolutePath();
        return new ClassData(jar, archive, !newer(archive, directory.resolve(EXTRACTED_FROM)));
    }

    List<String> options() {
        // writing, the JVM warns of every class it cannot archive (generated accessors, old bytecode): errors only
        return dumpsAtExit ? List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error")
                : List.of("-XX:SharedArchiveFile=" + archive);
    }

    private static Path directory(Path servicesDirectory, String name) {
        return servicesDirectory.resolve("class-data").resolve(name);
    }

    /** The archive was written after the jar was extracted (so by a run of this build). */
    private static boolean newer(Path archive, Path marker) {
        try {
            return Files.isRegularFile(archive) && Files.isRegularFile(marker)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(marker)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Which build of the jar: its size and time, as the marker beside an extraction records them. */
    private static String built(Path jar) {
        try {
            return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path marker) {
        try {
            return Files.isRegularFile(marker) ? Files.readString(marker) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + directory, e);
        }
    }
}
