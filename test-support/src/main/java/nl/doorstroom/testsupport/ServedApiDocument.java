package nl.doorstroom.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document an application serves at {@code /v3/api-docs}, as each {@code ApiDocumentTest} checks it: equal
 * to the kept one ({@link KeptApiDocument}), and saying what an integrator needs to try it through the gateway.
 *
 * @param name   the kept document's name ({@code docs/openapi/<name>.json})
 * @param module the Maven module that generates it, named in the hint how to regenerate
 */
public record ServedApiDocument(String name, String module, String served, JsonNode document) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ServedApiDocument fetch(TestRestTemplate http, String name, String module) {
        String served = http.getForObject("/v3/api-docs", String.class);
        assertThat(served).as("the document served at /v3/api-docs").isNotBlank();
        try {
            return new ServedApiDocument(name, module, served, JSON.readTree(served));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void assertKept() {
        KeptApiDocument.assertKept(name, module, served);
    }

    /** Title and build version, the gateway path as server, the issuer's client credentials and bearer JWT on every call. */
    public void assertTriedThroughTheGateway(String title, String version, String server) {
        assertThat(at("/info/title").asText()).isEqualTo(title);
        assertThat(at("/info/version").asText()).isEqualTo(version);
        assertThat(at("/servers/0/url").asText()).isEqualTo(server);
        assertThat(at("/components/securitySchemes/clientCredentials/flows/clientCredentials/tokenUrl").asText())
                .endsWith("/oauth2/token");
        assertThat(at("/security").toString()).contains("clientCredentials", "bearerJwt");
    }

    /** A JSON pointer into the document, e.g. {@code /paths/~1regions/get}. */
    public JsonNode at(String pointer) {
        return document.at(pointer);
    }
}
