package nl.doorstroom.e2e;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check every e2e exchange goes through: answers the published documents describe pass, others fail. */
class ApiContractTest {

    private static final String OPEN = """
            {"veiligheidsregio":"VR01","name":"Sporthal Zuidlaren","places":225,"occurredOn":"2022-09-01"}""";

    @Test
    void opening_a_cno_location_answered_201_with_its_location_is_what_the_contract_says() {
        assertThatCode(() -> ApiContract.check(post("/api/capacity/cno-locations"), OPEN,
                answer(201, Map.of("location", "/api/capacity/locations/CNO-1"), "")))
                .doesNotThrowAnyException();
    }

    @Test
    void opening_a_cno_location_answered_200_is_not_in_the_contract() {
        assertThatThrownBy(() -> ApiContract.check(post("/api/capacity/cno-locations"), OPEN, answer(200, Map.of(), "")))
                .hasMessageContaining("docs/openapi/capacity.json does not describe");
    }

    @Test
    void a_problem_without_its_title_and_status_is_not_in_the_contract() {
        assertThatThrownBy(() -> ApiContract.check(post("/api/capacity/cno-locations"), OPEN,
                answer(400, Map.of("content-type", "application/problem+json"), "{\"detail\":\"places\"}")))
                .hasMessageContaining("does not describe");
    }

    @Test
    void a_region_read_gives_its_figures_as_the_contract_describes_them() {
        assertThatThrownBy(() -> ApiContract.check(get("/api/capacity/regions/VR01"), null,
                answer(200, Map.of("content-type", "application/json"), "{\"realised\":\"many\"}")))
                .hasMessageContaining("does not describe");
    }

    @Test
    void a_path_no_document_has_fails() {
        assertThatThrownBy(() -> ApiContract.check(get("/api/capacity/no-such-thing"), null, answer(404, Map.of(), "")))
                .hasMessageContaining("does not describe");
    }

    @Test
    void the_registers_answers_are_checked_against_the_gateways_own_document() {
        assertThatCode(() -> ApiContract.check(get("/api/commitments/IX.99"), null,
                answer(404, Map.of("content-type", "application/problem+json"),
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"the agreement has no article IX.99\"}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ApiContract.check(get("/api/commitments/III.1"), null,
                answer(200, Map.of("content-type", "application/json"), "{\"ref\":31,\"status\":\"DONE\"}")))
                .hasMessageContaining("docs/openapi/gateway.json does not describe");
    }

    @Test
    void an_operators_call_straight_to_a_service_is_checked_against_that_services_document() {
        HttpRequest processors = HttpRequest.newBuilder(URI.create("http://localhost:8081/admin/processors")).GET().build();
        assertThatCode(() -> ApiContract.checkService("capacity", processors, null,
                answer(200, Map.of("content-type", "application/json"), "[{\"name\":\"capacity-projection\",\"running\":true}]")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ApiContract.checkService("capacity", processors, null,
                answer(200, Map.of("content-type", "application/json"), "[{\"running\":\"yes\"}]")))
                .hasMessageContaining("docs/openapi/capacity.json does not describe");
    }

    @Test
    void a_replay_refused_names_its_processor_as_the_contract_says() {
        HttpRequest replay = HttpRequest.newBuilder(URI.create("http://localhost:8081/admin/processors/outbound-publisher/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThatCode(() -> ApiContract.checkService("capacity", replay, null,
                answer(409, Map.of("content-type", "application/problem+json"),
                        "{\"type\":\"about:blank\",\"title\":\"Replay refused\",\"status\":409,\"processor\":\"outbound-publisher\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    void a_route_of_the_gateway_no_document_has_fails() {
        assertThatThrownBy(() -> ApiContract.check(get("/api/elsewhere/things"), null, answer(200, Map.of(), "")))
                .hasMessageContaining("no document");
    }

    @Test
    void a_body_refused_by_the_gateway_as_too_large_is_in_the_contract_of_every_command() {
        assertThatCode(() -> ApiContract.check(post("/api/capacity/cno-locations"), OPEN,
                answer(413, Map.of("content-type", "application/problem+json"),
                        "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413}")))
                .doesNotThrowAnyException();
    }

    private static HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OPEN)).build();
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).GET().build();
    }

    private static HttpResponse<String> answer(int status, Map<String, String> headers, String body) {
        HttpHeaders httpHeaders = HttpHeaders.of(
                headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
                (name, value) -> true);
        return new HttpResponse<>() {
            public int statusCode() { return status; }
            public HttpRequest request() { return null; }
            public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return httpHeaders; }
            public String body() { return body; }
            public Optional<SSLSession> sslSession() { return Optional.empty(); }
            public URI uri() { return null; }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
