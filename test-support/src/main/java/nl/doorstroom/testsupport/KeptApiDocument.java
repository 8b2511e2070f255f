package nl.doorstroom.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI documents kept in {@code docs/openapi/<service>.json}, as the local stack serves them: a test compares
 * the document a service generates with the kept one, so that every change of the API shows in review. With
 * {@code -Dopenapi.write=true} the test rewrites the kept file instead.
 */
public final class KeptApiDocument {

    /** The issuer the local stack runs; service tests run their own ({@link TestTokens#ISSUER}). */
    static final String LOCAL_ISSUER = "http://localhost:9000";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KeptApiDocument() {
    }

    public static Path file(String service) {
        return root().resolve("docs/openapi/" + service + ".json");
    }

    /** Fails, naming the first difference and how to regenerate, when the generated document is not the kept one. */
    public static void assertKept(String service, String module, String generatedJson) {
        try {
            JsonNode generated = JSON.readTree(generatedJson.replace(TestTokens.ISSUER, LOCAL_ISSUER));
            Path kept = file(service);
            if (Boolean.getBoolean("openapi.write")) {
                Files.createDirectories(kept.getParent());
                Files.writeString(kept, JSON.writeValueAsString(generated) + "\n");
                return;
            }
            String regenerate = "if the change is meant (and versioned as docs/openapi/README.md says), regenerate it: ./mvnw -o -B -pl "
                    + module + " -am test -Dtest=ApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";
            if (!Files.exists(kept)) {
                fail("no kept OpenAPI document " + root().relativize(kept) + "; " + regenerate);
            }
            JsonNode expected = JSON.readTree(kept.toFile());
            firstDifference("", expected, generated).ifPresent(where -> fail(
                    "the OpenAPI document " + service + " generates differs from " + root().relativize(kept) + " at "
                            + where + "; " + regenerate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> firstDifference(String path, JsonNode kept, JsonNode generated) {
        if (kept == null || generated == null) {
            return Optional.of(path + (kept == null ? " (added)" : " (removed)"));
        }
        if (kept.isObject() && generated.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = kept.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> difference = firstDifference(path + "/" + field.getKey(), field.getValue(),
                        generated.get(field.getKey()));
                if (difference.isPresent()) {
                    return difference;
                }
            }
            for (Iterator<String> names = generated.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!kept.has(name)) {
                    return Optional.of(path + "/" + name + " (added)");
                }
            }
            return Optional.empty();
        }
        if (kept.isArray() && generated.isArray() && kept.size() == generated.size()) {
            for (int i = 0; i < kept.size(); i++) {
                Optional<String> difference = firstDifference(path + "/" + i, kept.get(i), generated.get(i));
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        return kept.equals(generated) ? Optional.empty() : Optional.of(path.isEmpty() ? "/" : path);
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Doorstroom repository: " + Path.of("").toAbsolutePath());
    }
}
