package nl.doorstroom.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says it is.
 *
 * @param title       e.g. "Doorstroom capacity API"
 * @param description what the service covers and the articles of the agreement it serves
 * @param server      the gateway path the service is reached under, e.g. {@code /api/capacity}: the document's server,
 *                    so that "Try it out" in the gateway's Swagger UI goes through the gateway
 */
@ConfigurationProperties("doorstroom.api")
public record ApiSettings(String title, String description, String server) {
}
