package nl.doorstroom.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.testsupport.KeptApiDocument;
import nl.doorstroom.testsupport.ServedApiDocument;
import nl.doorstroom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own document, of the commitment register it composes, is the one kept in docs/openapi/gateway.json,
 * and describes the register's bodies as the services that own them do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + GatewayApplication.CONFIG_NAME,
                "doorstroom.security.issuer-uri=" + TestTokens.ISSUER,
                // the test's client takes the gateway's read time-out; springdoc builds the first document on a
                // loaded machine in more than the gateway's 5 s
                "doorstroom.gateway.timeout=60s"})
class ApiDocumentTest {

    /** The shapes the gateway relays from the services; a service's change of them must show here too. */
    private static final List<String> RELAYED = List.of("CommitmentView", "Target", "Why", "EventRef", "Measurement",
            "Entry", "JsonNode", "Problem", "FieldError");

    @Autowired
    TestRestTemplate http;
    @Autowired
    BuildProperties build;

    @Test
    void the_generated_openapi_document_is_the_kept_one() {
        served().assertKept();
    }

    @Test
    void the_register_is_tried_at_the_gateway_with_a_token_of_the_issuer() {
        ServedApiDocument document = served();
        document.assertTriedThroughTheGateway("Doorstroom commitment register API", build.getVersion(), "/");
        assertThat(document.at("/paths").size()).as("the register's three reads and nothing of the routes").isEqualTo(3);
        assertThat(document.at("/paths/~1api~1commitments/get/responses/200/content/application~1json/schema/items/$ref")
                .asText()).isEqualTo("#/components/schemas/CommitmentView");
        JsonNode one = document.at("/paths/~1api~1commitments~1{ref}/get");
        assertThat(one.at("/responses/404/$ref").asText()).isEqualTo("#/components/responses/NotFound");
        assertThat(one.at("/responses/400/$ref").asText()).isEqualTo("#/components/responses/BadRequest");
        assertThat(one.at("/parameters").findValuesAsText("name")).containsExactly("ref", "knownAt", "validAt");
        assertThat(one.at("/parameters/1/schema/format").asText()).isEqualTo("date-time");
        assertThat(document.at("/paths/~1api~1commitments~1{ref}~1history/get/responses/200/content/application~1json/schema/items/$ref")
                .asText()).isEqualTo("#/components/schemas/Entry");
        assertThat(document.at("/paths/~1api~1commitments/get/responses/429/$ref").asText())
                .isEqualTo("#/components/responses/TooManyRequests");
    }

    @Test
    void the_register_bodies_are_described_as_the_services_that_own_them_describe_them() throws Exception {
        JsonNode gateway = served().document();
        ObjectMapper json = new ObjectMapper();
        for (String service : List.of("capacity", "housing", "finance", "deadlines")) {
            JsonNode kept = json.readTree(KeptApiDocument.file(service).toFile());
            for (String schema : RELAYED) {
                assertThat(gateway.at("/components/schemas/" + schema))
                        .as(schema + " in the gateway's document and in docs/openapi/" + service + ".json")
                        .isEqualTo(kept.at("/components/schemas/" + schema));
            }
        }
    }

    private ServedApiDocument served() {
        return ServedApiDocument.fetch(http, "gateway", "gateway");
    }
}
