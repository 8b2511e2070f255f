package nl.doorstroom.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import nl.doorstroom.tokens.VerifiedTokens;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Every service is an OAuth2 resource server (defence in depth behind the gateway): reading needs any valid token,
 * writing is decided per endpoint by {@code @PreAuthorize} with {@link Acting}, {@code /admin/**} needs admin.
 * Health, metrics and the API description stay open for probes, Prometheus and the gateway's Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(TokenSettings.class)
public class ResourceServerSecurity {

    @Bean
    SecurityFilterChain resourceServer(HttpSecurity http, ObjectMapper json) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        // an auditor reads the chain's verification and the export without being admin
                        .requestMatchers(HttpMethod.GET, "/admin/audit/**").hasAnyRole("admin", "auditor")
                        .requestMatchers("/admin/**").hasRole("admin")
                        .requestMatchers(HttpMethod.OPTIONS).denyAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken()))
                        .authenticationEntryPoint((request, response, e) -> problem(response, json, HttpStatus.UNAUTHORIZED,
                                "A bearer token from the Doorstroom token issuer is needed.")))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> problem(response, json,
                        HttpStatus.FORBIDDEN, "This token's role or party may not do this.")));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(TokenSettings settings) throws Exception {
        NimbusJwtDecoder decoder = settings.publicKey() != null
                ? NimbusJwtDecoder.withPublicKey(publicKey(settings)).build()
                : NimbusJwtDecoder.withJwkSetUri(settings.issuerUri() + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuerUri()));
        return new VerifiedTokens(decoder, java.time.Clock.systemUTC(), 10_000);
    }

    /** The token's {@code roles} claim as authorities {@code ROLE_<role>}. */
    static JwtAuthenticationConverter rolesFromToken() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
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

    private static RSAPublicKey publicKey(TokenSettings settings) throws Exception {
        try (InputStream in = settings.publicKey().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }
}
