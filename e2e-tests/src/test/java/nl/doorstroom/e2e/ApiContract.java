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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.fail;

/**
 * The published OpenAPI documents ({@code docs/openapi/}) as a check on every answer the e2e tests get through the
 * gateway: an answer whose status, headers or body the document of its service does not describe fails the test.
 * The requests themselves are the tests' business (some are wrong on purpose), so only their path and method must
 * be in the document.
 */
final class ApiContract {

    /** The gateway's route of each document; {@code /api/commitments} is the gateway's own register and has none. */
    private static final Map<String, String> DOCUMENTS = Map.of(
            "capacity", "capacity", "housing", "housing", "finance", "finance", "deadlines", "deadlines");
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private ApiContract() {
    }

    /** Checks one exchange made through the gateway; paths outside the services' APIs (health, api-docs) are skipped. */
    static void check(HttpRequest request, String requestBody, HttpResponse<String> response) {
        URI uri = request.uri();
        String[] segments = uri.getPath().split("/", 4);
        if (segments.length < 4 || !segments[1].equals("api") || !DOCUMENTS.containsKey(segments[2])
                || segments[3].startsWith("actuator") || segments[3].startsWith("v3/api-docs")) {
            return;
        }
        String route = segments[2];
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
        ValidationReport report = validator(route).validate(exchange.build(), answer.build());
        if (report.hasErrors()) {
            fail("%s %s answered %d, which docs/openapi/%s.json does not describe:%n%s%nbody: %s".formatted(
                    request.method(), uri, response.statusCode(), DOCUMENTS.get(route),
                    String.join("\n", report.getMessages().stream().map(m -> m.getKey() + ": " + m.getMessage()).toList()),
                    response.body()));
        }
    }

    private static OpenApiInteractionValidator validator(String route) {
        return VALIDATORS.computeIfAbsent(route, r -> {
            try {
                String document = Files.readString(Path.of("..", "docs", "openapi", DOCUMENTS.get(r) + ".json"));
                return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                        .withBasePathOverride("/api/" + r)
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                                .build())
                        .build();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("no published OpenAPI document for " + r, e);
            }
        });
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new java.util.ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }
}
