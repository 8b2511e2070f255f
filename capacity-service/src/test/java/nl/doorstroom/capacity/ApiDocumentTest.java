package nl.doorstroom.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.ServedApiDocument;
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
    BuildProperties build;

    @Test
    void the_generated_openapi_document_is_the_kept_one() {
        served().assertKept();
    }

    @Test
    void the_document_is_tried_through_the_gateway_with_a_token_of_the_issuer() {
        ServedApiDocument document = served();
        document.assertTriedThroughTheGateway("Doorstroom capacity API", build.getVersion(), "/api/capacity");
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
        // what bean validation refuses to miss is required; a body over the gateway's limit is refused there
        assertThat(document.at("/components/schemas/OpenCnoLocationRequest/required").toString())
                .contains("\"veiligheidsregio\"", "\"name\"", "\"places\"").doesNotContain("locationId", "gemeente");
        assertThat(open.at("/413/$ref").asText()).isEqualTo("#/components/responses/PayloadTooLarge");
        assertThat(document.at("/paths/~1regions/get/responses").has("413")).as("a GET has no body to refuse").isFalse();
    }

    private ServedApiDocument served() {
        return ServedApiDocument.fetch(http, "capacity", "capacity-service");
    }
}
