package nl.doorstroom.gateway;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gateway's own OpenAPI document: the commitment register it composes ({@code /api/commitments/**}), with the
 * same security schemes, problem shape and null rule as the services' documents (platform's ApiDocumentation and
 * ContractResponses, which the gateway cannot take without platform's Axon and JPA). Listed in its Swagger UI beside
 * the services' documents.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayApiDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenApiCustomizer registerApi(GatewaySecurity.Settings security, ObjectProvider<BuildProperties> build) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("unversioned");
        return openApi -> {
            openApi.info(new Info().title("Doorstroom commitment register API").version(version).description(
                    "The whole register of the Bestuurlijke afspraken doorstroom migratie of 26 August 2022, composed by"
                            + " the gateway from the four services in the agreement's order: every commitment by its"
                            + " article reference (III.12.4), as it is now, as it was valid on a date (validAt) or as it"
                            + " was known at an instant (knownAt), and the events behind it. Each commitment is read"
                            + " from the service that owns it, and its answer is relayed as that service gave it."));
            openApi.servers(List.of(new Server().url("/").description("the gateway")));
            Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
            components.addSecuritySchemes("clientCredentials", new SecurityScheme()
                    .type(SecurityScheme.Type.OAUTH2)
                    .description("A token of the Doorstroom token issuer for a client of the README (e.g. analyst)")
                    .flows(new OAuthFlows().clientCredentials(new OAuthFlow()
                            .tokenUrl(security.issuerUri() + "/oauth2/token").scopes(new Scopes()))));
            components.addSecuritySchemes("bearerJwt", new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("A token fetched from the issuer's /oauth2/token beforehand"));
            problems(components);
            nullWhereJacksonWritesNull(components.getSchemas());
            openApi.components(components);
            openApi.security(List.of(new SecurityRequirement().addList("clientCredentials"),
                    new SecurityRequirement().addList("bearerJwt")));
        };
    }

    private static void problems(Components components) {
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
                        .description("bad input: one entry per field").nullable(true))
                .addProperty("service", new StringSchema().description("the service that does not answer (503)").nullable(true))
                .addProperty("processor", new StringSchema().nullable(true)
                        .description("the event processor that refuses a replay (409 of /admin/processors/{name}/replay)"));
        problem.required(List.of("type", "title", "status"));
        components.addSchemas("Problem", problem);

        components.addResponses("BadRequest", problem("A malformed knownAt or validAt, as the owning service answers it",
                Map.of("type", "about:blank", "title", "Invalid request", "status", 400,
                        "detail", "Invalid value for: knownAt", "instance", "/commitments/III.1",
                        "errors", List.of(Map.of("field", "knownAt", "message", "has a value of the wrong type or format")))));
        components.addResponses("Unauthorized", problem("No valid bearer token of the Doorstroom token issuer",
                Map.of("type", "about:blank", "title", "Unauthorized", "status", 401,
                        "detail", "A bearer token from the Doorstroom token issuer is needed.")));
        components.addResponses("NotFound", problem("The agreement has no such article",
                Map.of("type", "about:blank", "title", "Not Found", "status", 404,
                        "detail", "the agreement has no article IX.9", "instance", "/api/commitments/IX.9")));
        ApiResponse tooMany = problem("More requests from this client than the gateway's limit per second",
                Map.of("type", "about:blank", "title", "Too Many Requests", "status", 429,
                        "detail", "More than 50 requests per 1 s from this client; try again after Retry-After seconds."));
        tooMany.addHeaderObject("Retry-After", new Header().description("seconds to wait before trying again")
                .schema(new IntegerSchema().example(1)));
        components.addResponses("TooManyRequests", tooMany);
        components.addResponses("ServiceUnavailable", problem("A service the answer needs does not answer in time",
                Map.of("type", "about:blank", "title", "Service unavailable", "status", 503,
                        "detail", "capacity-service does not answer; try again later.", "service", "capacity")));
    }

    private static ApiResponse problem(String description, Map<String, Object> example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .addExamples("example", new Example().value(new TreeMap<>(example)))));
    }

    /** The services' rule for the bodies relayed from them: what is not required may be null (OpenAPI 3.0, no nullable $ref). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void nullWhereJacksonWritesNull(Map<String, Schema> schemas) {
        if (schemas == null) {
            return;
        }
        Set<String> referredToByNullable = new HashSet<>();
        for (Map.Entry<String, Schema> named : schemas.entrySet()) {
            if (named.getKey().equals("Problem") || named.getKey().equals("FieldError")) {
                continue;
            }
            Schema<?> schema = named.getValue();
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() != null ? schema.getRequired() : List.of();
            schema.getProperties().forEach((name, property) -> {
                if (required.contains(name)) {
                    return;
                }
                if (property.get$ref() != null) {
                    referredToByNullable.add(property.get$ref());
                    return;
                }
                property.setNullable(true);
                if (property.getEnum() != null && !property.getEnum().contains(null)) {
                    List values = new ArrayList<>(property.getEnum());
                    values.add(null);
                    property.setEnum(values);
                }
            });
        }
        referredToByNullable.forEach(ref -> {
            Schema<?> referred = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (referred != null) {
                referred.setNullable(true);
            }
        });
    }
}
