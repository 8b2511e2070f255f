package nl.doorstroom.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers every operation really gives, beside its own: the errors of {@code ProblemDetailsAdvice}, the
 * resource servers' 401/403, the gateway's 413 (a body over its limit), 429 (with Retry-After) and 503, all {@code application/problem+json};
 * and for commands 202 with the {@code Location} of what to read next, or 201 for a {@link Created} item.
 */
public class ContractResponses implements OperationCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "Problem";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        boolean command = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PostMapping.class);
        boolean admin = Arrays.stream(mappedPaths(handler)).anyMatch(p -> p.startsWith("/admin"));
        boolean pathVariables = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Created created = handler.getMethodAnnotation(Created.class);

        if (command && ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
            ApiResponse ok = responses.remove("200");
            if (created != null) {
                responses.addApiResponse("201", new ApiResponse()
                        .description(capitalised(created.value()) + " is recorded; Location is where to read it")
                        .addHeaderObject("Location", location(created.value())));
            } else {
                ApiResponse accepted = new ApiResponse()
                        .description("Recorded as an event; the read models follow within moments. Location, where given,"
                                + " is where to read the outcome")
                        .addHeaderObject("Location", location("the outcome"));
                if (ok != null && ok.getContent() != null) {
                    accepted.content(ok.getContent());
                }
                responses.addApiResponse("202", accepted);
            }
        }
        if (input) {
            responses.putIfAbsent("400", ref("BadRequest"));
        }
        responses.putIfAbsent("401", ref("Unauthorized"));
        if (command || admin) {
            responses.putIfAbsent("403", ref("Forbidden"));
        }
        if (pathVariables) {
            responses.putIfAbsent("404", ref("NotFound"));
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", ref("PayloadTooLarge"));
        }
        if (created != null || (command && admin)) {
            responses.putIfAbsent("409", ref("Conflict"));
        }
        if (command) {
            responses.putIfAbsent("422", ref("RuleViolation"));
        }
        responses.putIfAbsent("429", ref("TooManyRequests"));
        responses.putIfAbsent("503", ref("ServiceUnavailable"));
        operation.setResponses(sorted(responses));
        return operation;
    }

    /** The problem+json shape and one response per error, referred to by every operation. */
    static void addTo(Components components) {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the request field or parameter, e.g. places"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        fieldError.required(List.of("field", "message"));
        components.addSchemas("FieldError", fieldError);
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details; nothing of the server's internals")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().nullable(true))
                .addProperty("instance", new StringSchema().nullable(true).description("the path that was called"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("bad input: one entry per field"))
                .addProperty("service", new StringSchema().description("the service that does not answer (503)"))
                .addProperty("processor", new StringSchema()
                        .description("the event processor that refuses a replay (409 of /admin/processors/{name}/replay)"));
        problem.required(List.of("type", "title", "status"));
        components.addSchemas(PROBLEM, problem);

        components.addResponses("BadRequest", problem("Invalid input, per field; nothing was recorded",
                Map.of("type", "about:blank", "title", "Invalid request", "status", 400,
                        "detail", "Invalid value for: places", "instance", "/cno-locations",
                        "errors", List.of(Map.of("field", "places", "message", "must be greater than or equal to 1")))));
        components.addResponses("Unauthorized", problem("No valid bearer token of the Doorstroom token issuer",
                Map.of("type", "about:blank", "title", "Unauthorized", "status", 401,
                        "detail", "A bearer token from the Doorstroom token issuer is needed.")));
        components.addResponses("Forbidden", problem("The token's role or party may not do this (e.g. vr-VR01 for VR02);"
                        + " nothing was recorded",
                Map.of("type", "about:blank", "title", "Forbidden", "status", 403,
                        "detail", "This token's role or party may not do this.")));
        components.addResponses("NotFound", problem("No such item",
                Map.of("type", "about:blank", "title", "Not found", "status", 404,
                        "detail", "No CNO location CNO-0000.", "instance", "/locations/CNO-0000")));
        components.addResponses("Conflict", problem("An item with this id exists already, or the action is refused in"
                        + " the item's present state; nothing was recorded",
                Map.of("type", "about:blank", "title", "Already exists", "status", 409,
                        "detail", "An item with this id exists already. Nothing was recorded.", "instance", "/cno-locations")));
        components.addResponses("RuleViolation", problem("Well-formed, but refused by the agreement's rules; nothing"
                        + " was recorded",
                Map.of("type", "about:blank", "title", "Refused by the agreement's rules", "status", 422,
                        "detail", "the agreement has two tranches of CNO places, 1 and 2",
                        "instance", "/regions/VR01/pledges",
                        "errors", List.of(Map.of("field", "tranche", "message",
                                "the agreement has two tranches of CNO places, 1 and 2")))));
        components.addResponses("PayloadTooLarge", problem("A body larger than the gateway's limit"
                        + " (doorstroom.gateway.max-request-size, 256 KB by default), refused before it reaches the service",
                Map.of("type", "about:blank", "title", "Payload Too Large", "status", 413,
                        "detail", "Request size is larger than permissible limit.")));
        ApiResponse tooMany = problem("More requests from this client than the gateway's limit per second",
                Map.of("type", "about:blank", "title", "Too Many Requests", "status", 429,
                        "detail", "More than 50 requests per 1 s from this client; try again after Retry-After seconds."));
        tooMany.addHeaderObject("Retry-After", new Header().description("seconds to wait before trying again")
                .schema(new IntegerSchema().example(1)));
        components.addResponses("TooManyRequests", tooMany);
        components.addResponses("ServiceUnavailable", problem("The service behind the gateway does not answer in time, or"
                        + " its circuit is open; try again later",
                Map.of("type", "about:blank", "title", "Service unavailable", "status", 503,
                        "detail", "capacity-service does not answer; try again later.", "service", "capacity")));
    }

    private static ApiResponse problem(String description, Map<String, Object> example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples("example", new Example().value(new java.util.TreeMap<>(example)))));
    }

    private static ApiResponse ref(String name) {
        return new ApiResponse().$ref("#/components/responses/" + name);
    }

    private static Header location(String what) {
        return new Header().description("The gateway path of " + what + ", e.g. /api/capacity/locations/CNO-1")
                .schema(new StringSchema().format("uri-reference"));
    }

    private static String[] mappedPaths(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        String prefix = type != null && type.path().length > 0 ? type.path()[0] : "";
        String[] paths = method != null && method.path().length > 0 ? method.path() : new String[]{""};
        return Arrays.stream(paths).map(p -> prefix + p).toArray(String[]::new);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new LinkedHashMap<>(responses).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> ordered.addApiResponse(e.getKey(), e.getValue()));
        ordered.setExtensions(responses.getExtensions());
        return ordered;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
