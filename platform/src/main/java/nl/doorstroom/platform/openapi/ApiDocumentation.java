package nl.doorstroom.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import nl.doorstroom.platform.security.TokenSettings;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * Every service's OpenAPI document: what it is (title, the articles it serves, the build's version), the gateway path
 * as its server, and the issuer's client-credentials flow and bearer JWT as its security, so that the gateway's
 * Swagger UI can authorize and "Try it out" through the gateway. The responses every operation really gives are
 * added by {@link ContractResponses}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
public class ApiDocumentation {

    static final String CLIENT_CREDENTIALS = "clientCredentials";
    static final String BEARER = "bearerJwt";

    @Bean
    OpenApiCustomizer doorstroomApi(ApiSettings api, TokenSettings tokens, ObjectProvider<BuildProperties> build) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("unversioned");
        return openApi -> {
            openApi.info(new Info().title(api.title()).description(api.description()).version(version));
            openApi.servers(List.of(new Server().url(api.server()).description("through the gateway")));
            Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
            components.addSecuritySchemes(CLIENT_CREDENTIALS, new SecurityScheme()
                    .type(SecurityScheme.Type.OAUTH2)
                    .description("A token of the Doorstroom token issuer for a client of the README (e.g. vr-VR01)")
                    .flows(new OAuthFlows().clientCredentials(new OAuthFlow()
                            .tokenUrl(tokens.issuerUri() + "/oauth2/token").scopes(new Scopes()))));
            components.addSecuritySchemes(BEARER, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("A token fetched from the issuer's /oauth2/token beforehand"));
            ContractResponses.addTo(components);
            openApi.components(components);
            // either scheme gives the same token; every operation needs one
            openApi.security(List.of(new SecurityRequirement().addList(CLIENT_CREDENTIALS),
                    new SecurityRequirement().addList(BEARER)));
        };
    }

    /**
     * The services write every property, null ones too ({@code spring.jackson.default-property-inclusion: always}):
     * a property that is not required may be null, and an enum property then has null among its values.
     */
    @Bean
    OpenApiCustomizer nullWhereJacksonWritesNull() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                Map<String, Schema> schemas = openApi.getComponents().getSchemas();
                java.util.Set<String> referredToByNullable = new java.util.HashSet<>();
                schemas.values().forEach(schema -> nullableUnlessRequired(schema, referredToByNullable));
                // OpenAPI 3.0 has no nullable $ref: the referred schema itself takes null
                referredToByNullable.forEach(ref -> {
                    Schema<?> referred = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                    if (referred != null) {
                        referred.setNullable(true);
                    }
                });
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void nullableUnlessRequired(Schema<?> schema, java.util.Set<String> referredToByNullable) {
        if (schema.getProperties() == null) {
            return;
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
                List values = new java.util.ArrayList<>(property.getEnum());
                values.add(null);
                property.setEnum(values);
            }
            // a map's values too: a year without an amount is written as null
            if (property.getAdditionalProperties() instanceof Schema<?> values && values.get$ref() == null) {
                values.setNullable(true);
            }
            nullableUnlessRequired(property, referredToByNullable);
        });
    }

    @Bean
    OperationCustomizer contractResponses() {
        return new ContractResponses();
    }
}
