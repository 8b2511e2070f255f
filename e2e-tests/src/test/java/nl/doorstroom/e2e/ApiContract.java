package nl.doorstroom.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.fail;

/**
 * The published OpenAPI documents ({@code docs/openapi/}) as a check on every answer the e2e tests get from the stack:
 * an answer whose status, headers or body the document of its service does not describe fails the test. The requests
 * themselves are the tests' business (some are wrong on purpose), so only their path and method must be in the
 * document.
 */
final class ApiContract {

    /** The document of each gateway route; the gateway's own register ({@code /api/commitments}) has gateway.json. */
    private static final Map<String, String> ROUTES = Map.of(
            "capacity", "capacity", "housing", "housing", "finance", "finance", "deadlines", "deadlines",
            "commitments", "gateway");
    /** The document of each service called straight (its {@code /admin/**}), by the local stack's name for it. */
    private static final Map<String, String> SERVICES = Map.of(
            "capacity", "capacity", "housing", "housing", "finance", "finance", "deadline", "deadlines");
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private ApiContract() {
    }

    /**
     * Checks one exchange made through the gateway. Only what no document is about is let through: the documents
     * themselves, Swagger UI, actuator probes and CORS preflights (answered by the gateway before any operation).
     * Any other path under {@code /api/} must be in a document.
     */
    static void check(HttpRequest request, String requestBody, HttpResponse<String> response) {
        URI uri = request.uri();
        String[] segments = uri.getPath().split("/", 4);
        if (preflight(request) || segments.length < 3 || !segments[1].equals("api")
                || segments.length == 4 && (segments[3].startsWith("actuator") || segments[3].startsWith("v3/api-docs"))) {
            return;
        }
        String document = ROUTES.get(segments[2]);
        if (document == null) {
            fail("%s %s answered %d: no document in docs/openapi/ describes /api/%s".formatted(
                    request.method(), uri, response.statusCode(), segments[2]));
        }
        // the register's paths are written out in full (server "/"); a service's are under its route
        String basePath = document.equals("gateway") ? "/" : "/api/" + segments[2];
        validate(document, basePath, request, requestBody, response);
    }

    /** Checks one exchange made straight with a service ({@code capacity}, …, as the local stack names it). */
    static void checkService(String service, HttpRequest request, String requestBody, HttpResponse<String> response) {
        String document = SERVICES.get(service);
        if (document == null) {
            fail("no document in docs/openapi/ for the service " + service);
        }
        validate(document, "/", request, requestBody, response);
    }

    private static boolean preflight(HttpRequest request) {
        return request.method().equals("OPTIONS") && request.headers().firstValue("access-control-request-method").isPresent();
    }

    private static void validate(String document, String basePath, HttpRequest request, String requestBody,
                                 HttpResponse<String> response) {
        URI uri = request.uri();
        SimpleRequest.Builder exchange = new SimpleRequest.Builder(Request.Method.valueOf(request.method()), uri.getPath());
        query(uri).forEach(exchange::withQueryParam);
        request.headers().map().forEach(exchange::withHeader);
        if (requestBody != null) {
            exchange.withBody(requestBody);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator(document, basePath).validate(exchange.build(), answer.build());
        if (report.hasErrors()) {
            fail("%s %s answered %d, which docs/openapi/%s.json does not describe:%n%s%nbody: %s".formatted(
                    request.method(), uri, response.statusCode(), document,
                    String.join("\n", report.getMessages().stream().map(m -> m.getKey() + ": " + m.getMessage()).toList()),
                    response.body()));
        }
    }

    private static OpenApiInteractionValidator validator(String document, String basePath) {
        return VALIDATORS.computeIfAbsent(document + " at " + basePath, key -> {
            try {
                String text = Files.readString(Path.of("..", "docs", "openapi", document + ".json"));
                return OpenApiInteractionValidator.createForInlineApiSpecification(text)
                        .withBasePathOverride(basePath)
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                                .build())
                        .build();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("no published OpenAPI document " + document, e);
            }
        });
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }
}
