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
