package nl.doorstroom.testsupport;

import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points a service's test context at the real test infrastructure, with a database of its own so test
 * contexts do not see each other's events, and makes it trust the tests' own bearer tokens ({@link TestTokens}).
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Endpoints endpoints = TestInfrastructure.get();
        String service = context.getEnvironment().getProperty("doorstroom.service", "test");
        String database = "test_" + service + "_" + CONTEXTS.incrementAndGet() + "_" + ProcessHandle.current().pid();
        endpoints.ensureDatabase(database);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("doorstroom-test-infrastructure", Map.of(
                "doorstroom.postgres.url", endpoints.postgresUrl(),
                "doorstroom.postgres.user", endpoints.user(),
                "doorstroom.postgres.password", endpoints.password(),
                "doorstroom.database", database,
                "doorstroom.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers(),
                "spring.kafka.consumer.group-id", database,
                "doorstroom.security.issuer-uri", TestTokens.ISSUER,
                "doorstroom.security.public-key", TestTokens.publicKeyFile().toUri().toString())));
        // the test's TestRestTemplate calls as admin unless the test sets its own Authorization header
        context.getBeanFactory().registerSingleton("adminTokenForTestCalls", (RestTemplateCustomizer) template ->
                template.getInterceptors().add((request, body, execution) -> {
                    if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                        request.getHeaders().setBearerAuth(TestTokens.admin());
                    }
                    return execution.execute(request, body);
                }));
    }
}
