package nl.doorstroom.deadline;

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

/** The OpenAPI document deadline-service serves is the one kept in docs/openapi/deadlines.json, and says what integrators need. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + DeadlineServiceApplication.CONFIG_NAME})
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
        document.assertTriedThroughTheGateway("Doorstroom deadlines API", build.getVersion(), "/api/deadlines");
        assertThat(document.at("/paths/~1deadlines~1{article}~1met/post/responses").has("202")).isTrue();
    }

    private ServedApiDocument served() {
        return ServedApiDocument.fetch(http, "deadlines", "deadline-service");
    }
}
