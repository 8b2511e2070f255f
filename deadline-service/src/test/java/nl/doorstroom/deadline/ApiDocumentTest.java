package nl.doorstroom.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.testsupport.KeptApiDocument;
import nl.doorstroom.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document deadline-service serves is the one kept in docs/openapi/deadlines.json, and says what integrators need. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + DeadlineServiceApplication.CONFIG_NAME})
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class ApiDocumentTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    BuildProperties build;

    @Test
    void the_generated_openapi_document_is_the_kept_one() {
        KeptApiDocument.assertKept("deadlines", "deadline-service", http.getForObject("/v3/api-docs", String.class));
    }

    @Test
    void the_document_is_tried_through_the_gateway_with_a_token_of_the_issuer() throws Exception {
        JsonNode document = json.readTree(http.getForObject("/v3/api-docs", String.class));
        assertThat(document.at("/info/title").asText()).isEqualTo("Doorstroom deadlines API");
        assertThat(document.at("/info/version").asText()).isEqualTo(build.getVersion());
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/api/deadlines");
        assertThat(document.at("/components/securitySchemes/clientCredentials/flows/clientCredentials/tokenUrl").asText())
                .endsWith("/oauth2/token");
        assertThat(document.at("/security").toString()).contains("clientCredentials", "bearerJwt");
        assertThat(document.at("/paths/~1deadlines~1{article}~1met/post/responses").has("202")).isTrue();
    }
}
