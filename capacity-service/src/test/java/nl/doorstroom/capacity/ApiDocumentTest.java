package nl.doorstroom.capacity;

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

/** The OpenAPI document capacity-service serves is the one kept in docs/openapi/capacity.json, and says what integrators need. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CapacityServiceApplication.CONFIG_NAME})
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
        KeptApiDocument.assertKept("capacity", "capacity-service", http.getForObject("/v3/api-docs", String.class));
    }

    @Test
    void the_document_is_tried_through_the_gateway_with_a_token_of_the_issuer() throws Exception {
        JsonNode document = json.readTree(http.getForObject("/v3/api-docs", String.class));
        assertThat(document.at("/info/title").asText()).isEqualTo("Doorstroom capacity API");
        assertThat(document.at("/info/version").asText()).isEqualTo(build.getVersion());
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/api/capacity");
        assertThat(document.at("/components/securitySchemes/clientCredentials/flows/clientCredentials/tokenUrl").asText())
                .endsWith("/oauth2/token");
        assertThat(document.at("/security").toString()).contains("clientCredentials", "bearerJwt");
        JsonNode open = document.at("/paths/~1cno-locations/post/responses");
        assertThat(open.has("201")).as("POST /cno-locations answers 201").isTrue();
        assertThat(open.has("200")).isFalse();
        assertThat(open.at("/201/headers/Location").isMissingNode()).isFalse();
        assertThat(open.at("/409/$ref").asText()).isEqualTo("#/components/responses/Conflict");
        assertThat(document.at("/paths/~1cno-locations~1{locationId}~1closure/post/responses").has("202")).isTrue();
        assertThat(document.at("/paths/~1regions/get/responses/429/$ref").asText())
                .isEqualTo("#/components/responses/TooManyRequests");
        assertThat(document.at("/components/responses/TooManyRequests/headers/Retry-After").isMissingNode()).isFalse();
        assertThat(document.at("/components/responses/BadRequest/content/application~1problem+json/examples/example/value/errors/0/field")
                .asText()).isEqualTo("places");
        assertThat(document.at("/components/schemas/OpenCnoLocationRequest/properties/places/example").asInt()).isEqualTo(225);
    }
}
