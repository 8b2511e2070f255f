package nl.doorstroom.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import nl.doorstroom.tokens.VerifiedTokens;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The gateway is a resource server: every {@code /api/**} call needs a valid bearer token, which it relays to the
 * service (the service checks it again, and decides what role and party may write). Per-client rate limits, strict
 * security headers, and CORS closed unless origins are configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySecurity.Settings.class)
public class GatewaySecurity {

    /**
     * @param issuerUri      the OAuth2 issuer whose tokens are accepted
     * @param allowedOrigins browser origins allowed to call the API (CORS); none by default
     * @param requestsPerSecond per client (token subject), or per address without a token
     */
    @ConfigurationProperties("doorstroom.security")
    public record Settings(String issuerUri, @DefaultValue List<String> allowedOrigins,
                           @DefaultValue("50") int requestsPerSecond) {
    }

    @Bean
    SecurityFilterChain gateway(HttpSecurity http, ObjectMapper json, ClientRateLimit rateLimit, Settings settings) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(cors(settings)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data:; connect-src 'self' " + origin(settings.issuerUri())
                                        + "; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/api/*/v3/api-docs",
                                "/api/*/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { })
                        .authenticationEntryPoint((request, response, e) -> problem(response, json, HttpStatus.UNAUTHORIZED,
                                "A bearer token from the Doorstroom token issuer is needed.")))
                .addFilterAfter(rateLimit, BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(Settings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.issuerUri() + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuerUri()));
        return new VerifiedTokens(decoder, java.time.Clock.systemUTC(), 10_000);
    }

    @Bean
    ClientRateLimit clientRateLimit(Settings settings, ObjectMapper json) {
        return new ClientRateLimit(settings.requestsPerSecond(), Duration.ofSeconds(1), json);
    }

    private static UrlBasedCorsConfigurationSource cors(Settings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.allowedOrigins().isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(settings.allowedOrigins());
            api.setAllowedMethods(List.of("GET", "POST"));
            api.setAllowedHeaders(List.of("Authorization", "Content-Type", "traceparent"));
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }

    /** Swagger UI's Authorize fetches a client-credentials token from the issuer itself: its origin may be called. */
    static String origin(String uri) {
        java.net.URI parsed = java.net.URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
    }

    static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
