package nl.doorstroom.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Spring Authorization Server with client credentials only. Services fetch its signing key from {@code /oauth2/jwks};
 * the key is kept in {@code doorstroom.issuer.key-file} when given (the local stack's data directory).
 */
@Configuration(proxyBeanMethods = false)
public class IssuerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    /**
     * The gateway's Swagger UI asks for a client-credentials token from the browser (Authorize): a cross-origin POST,
     * whose preflight is answered before any security filter.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> tokenRequestsFromBrowsers(@Value("${doorstroom.issuer.allowed-origins}") List<String> origins) {
        FilterRegistrationBean<CorsFilter> filter = new FilterRegistrationBean<>(new CorsFilter(tokenRequestsFrom(origins)));
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return filter;
    }

    static UrlBasedCorsConfigurationSource tokenRequestsFrom(List<String> origins) {
        CorsConfiguration token = new CorsConfiguration();
        token.setAllowedOriginPatterns(origins);
        token.setAllowedMethods(List.of("POST"));
        token.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Requested-With"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", token);
        return source;
    }

    @Bean
    @Order(2)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/health/**", "/actuator/health")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    DemoClients demoClients(@Value("${doorstroom.issuer.token-lifetime}") Duration lifetime) {
        return new DemoClients(lifetime);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${doorstroom.issuer.url}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    /** Every token says who may do what: {@code roles}, and for a party client the {@code party} it acts for. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesAndParty() {
        return context -> DemoClients.grantOf(context.getRegisteredClient().getClientId()).ifPresent(grant -> {
            context.getClaims().claim("roles", grant.roles());
            if (grant.party() != null) {
                context.getClaims().claim("party", grant.party());
            }
        });
    }

    /** Kept in the stack's data directory, so tokens handed out stay valid when the stack restarts. */
    @Bean
    JWKSource<SecurityContext> signingKey(@Value("${doorstroom.issuer.key-file:}") String keyFile) throws Exception {
        RSAKey key;
        Path file = keyFile.isBlank() ? null : Path.of(keyFile);
        if (file != null && Files.isRegularFile(file)) {
            key = RSAKey.parse(Files.readString(file));
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            if (file != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, key.toJSONString());
            }
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }
}
