package nl.doorstroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.local.LocalStack;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A local stack for a test class, on free ports, and the calls the tests make to it through the gateway. */
final class StackClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final LocalStack.Settings settings;

    private StackClient(LocalStack.Settings settings) {
        this.settings = settings;
    }

    /** Settings for a stack of its own: embedded PostgreSQL without fsync, its own broker, free ports. */
    static StackClient forTest(Path data, Map<String, String> extraProperties) throws Exception {
        return new StackClient(new LocalStack.Settings(data, Path.of("..", "local-stack", "target", "services"), null,
                "postgres", "", null, freePort(5), freePort(1), freePort(2), true, extraProperties));
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.url("gateway") + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.url("gateway") + path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A service's Prometheus scrape, straight from the service (the gateway does not route actuator scrapes). */
    String prometheus(String service) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.url(service) + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A free port with {@code following} free ports after it (the gateway and its four services, Kafka and its controller). */
    private static int freePort(int following) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket socket = new ServerSocket(0)) {
                base = socket.getLocalPort();
            }
            if (base + following < 65000 && allFree(base, following)) {
                return base;
            }
        }
        throw new IllegalStateException("no run of free ports found");
    }

    private static boolean allFree(int base, int following) {
        for (int p = base; p < base + following; p++) {
            try (ServerSocket ignored = new ServerSocket(p)) {
                // free
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }
}
