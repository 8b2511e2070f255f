package nl.doorstroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.doorstroom.local.LocalStack;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local stack for a test class, on free ports, and the calls the tests make to it through the gateway, with tokens
 * from the stack's own development issuer (as admin unless a test names another demo client).
 */
final class StackClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final LocalStack.Settings settings;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private StackClient(LocalStack.Settings settings) {
        this.settings = settings;
    }

    /** Settings for a stack of its own: embedded PostgreSQL without fsync, its own broker, free ports. */
    static StackClient forTest(Path data, Map<String, String> extraProperties) throws Exception {
        return forTest(data, extraProperties, true);
    }

    /** {@code durable} false: PostgreSQL without fsync, for a test that writes a year of history in minutes. */
    static StackClient forTest(Path data, Map<String, String> extraProperties, boolean durable) throws Exception {
        // gateway and its four services, PostgreSQL, Kafka and its controller, the token issuer
        int base = freePorts(9);
        return new StackClient(new LocalStack.Settings(data, Path.of("..", "local-stack", "target", "services"), null,
                "postgres", "", null, base, base + 5, base + 6, durable, extraProperties, null, base + 8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return getAs("admin", path);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return postAs("admin", path, body);
    }

    /** A GET as a demo client ({@code ops}, {@code gemeente-GM0363}, …), or without a token when the client is null. */
    HttpResponse<String> getAs(String client, String path) throws Exception {
        return checked(authorized(client, HttpRequest.newBuilder(URI.create(settings.url("gateway") + path)))
                .timeout(Duration.ofSeconds(10)).build(), null);
    }

    HttpResponse<String> postAs(String client, String path, String body) throws Exception {
        return postAs(client, path, body, Map.of());
    }

    /** A POST with headers of the caller's own, e.g. the {@code traceparent} of a trace it started. */
    HttpResponse<String> postAs(String client, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = authorized(client, HttpRequest.newBuilder(URI.create(settings.url("gateway") + path)))
                .header("content-type", "application/json");
        headers.forEach(request::header);
        return checked(request.POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(), body);
    }

    /**
     * {@code count} GETs at once as one client, each answer checked, none retried: what a client over the gateway's
     * rate limit is told.
     */
    List<HttpResponse<String>> getAllAtOnce(String client, String path, int count) {
        HttpRequest request = authorized(client, HttpRequest.newBuilder(URI.create(settings.url("gateway") + path)))
                .timeout(Duration.ofSeconds(30)).build();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            burst.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = burst.stream().map(CompletableFuture::join).toList();
        responses.forEach(response -> ApiContract.check(request, null, response));
        return responses;
    }

    /** A browser's CORS preflight from {@code origin} for a GET of {@code path}. */
    HttpResponse<String> preflight(String path, String origin) throws Exception {
        return checked(HttpRequest.newBuilder(URI.create(settings.url("gateway") + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", origin).header("access-control-request-method", "GET").build(), null);
    }

    /** A call as admin straight to a service ({@code capacity}, …), as an operator reaches its {@code /admin/**}. */
    HttpResponse<String> adminGet(String service, String path) throws Exception {
        HttpRequest request = authorized("admin", HttpRequest.newBuilder(URI.create(settings.url(service) + path)))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = send(request);
        ApiContract.checkService(service, request, null, response);
        return response;
    }

    HttpResponse<String> adminPost(String service, String path) throws Exception {
        HttpRequest request = authorized("admin", HttpRequest.newBuilder(URI.create(settings.url(service) + path)))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = send(request);
        ApiContract.checkService(service, request, null, response);
        return response;
    }

    /** Through the gateway: the answer must be one the service's published OpenAPI document describes. */
    private static HttpResponse<String> checked(HttpRequest request, String body) throws Exception {
        HttpResponse<String> response = send(request);
        ApiContract.check(request, body, response);
        return response;
    }

    /** Sends as a well-behaved client: told to slow down (429), it waits Retry-After and tries again. */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        for (int retry = 0; retry < 5 && response.statusCode() == 429; retry++) {
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("retry-after").orElse("1")));
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    /** A client-credentials token of a demo client from the stack's issuer (its secret is {@code <client>-secret}). */
    String token(String client) {
        return tokens.computeIfAbsent(client, c -> {
            try {
                String basic = Base64.getEncoder().encodeToString((c + ":" + c + "-secret").getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(settings.issuerUrl() + "/oauth2/token"))
                        .header("authorization", "Basic " + basic)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("token of " + c + ": " + response.body()).isEqualTo(200);
                return JSON.readTree(response.body()).get("access_token").asText();
            } catch (Exception e) {
                throw new IllegalStateException("no token for " + c, e);
            }
        });
    }

    private HttpRequest.Builder authorized(String client, HttpRequest.Builder request) {
        return client == null ? request : request.header("authorization", "Bearer " + token(client));
    }

    /**
     * A service's Prometheus scrape, straight from the service (the gateway does not route actuator scrapes); actuator
     * endpoints are operators' and in no OpenAPI document.
     */
    String prometheus(String service) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.url(service) + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /**
     * A run of {@code count} free ports below the kernel's ephemeral range (32768 and up): a port from that range can be
     * taken by one of the stack's own outgoing connections (JDBC, Kafka clients) before the service meant to listen on
     * it has started.
     */
    private static int freePorts(int count) {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20_000 + random.nextInt(12_000 - count);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no run of " + count + " free ports found below 32000");
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
