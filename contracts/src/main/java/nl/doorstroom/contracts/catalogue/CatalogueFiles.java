package nl.doorstroom.contracts.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the agreement's YAML files from the classpath; a field the record does not know is an error, not ignored. */
final class CatalogueFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private CatalogueFiles() {
    }

    static <T> T read(String resource, Class<T> type, String what) {
        try (InputStream in = CatalogueFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " cannot be read", e);
        }
    }
}
