package nl.doorstroom.housing;

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

/** The OpenAPI document housing-service serves is the one kept in docs/openapi/housing.json, and says what integrators need. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + HousingServiceApplication.CONFIG_NAME,
                "doorstroom.clock.start=2022-10-01T09:00:00Z", "doorstroom.housing.gauge-refresh=1s"})
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
        document.assertTriedThroughTheGateway("Doorstroom housing API", build.getVersion(), "/api/housing");
        assertThat(document.at("/components/schemas/TaakstellingRequest/properties/nationalTotal/example").asInt())
                .isEqualTo(13500);
        assertThat(document.at("/paths/~1periods~1{period}~1taakstelling/post/responses").has("202")).isTrue();
    }

    private ServedApiDocument served() {
        return ServedApiDocument.fetch(http, "housing", "housing-service");
    }
}
