package nl.doorstroom.testsupport;

import nl.doorstroom.infrastructure.LocalKafka;
import nl.doorstroom.infrastructure.LocalPostgres;
import nl.doorstroom.infrastructure.PostgresDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.util.List;

/**
 * The real PostgreSQL and Kafka that integration tests run on, started once per test JVM: Testcontainers
 * where a Docker engine runs, the embedded server and in-process broker where none does. The test bodies
 * are the same either way; neither path is ever skipped for the lack of the other.
 * The embedded PostgreSQL runs with fsync off here: test data is thrown away, and it is much faster.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static Endpoints endpoints;

    /** Where the infrastructure listens: a JDBC URL without a database, a user, a password, Kafka's bootstrap servers. */
    public record Endpoints(String postgresUrl, String user, String password, String kafkaBootstrapServers, String kind) {

        public void ensureDatabase(String database) {
            PostgresDatabases.ensure(postgresUrl, user, password, List.of(database));
        }
    }

    private TestInfrastructure() {
    }

    public static synchronized Endpoints get() {
        if (endpoints == null) {
            endpoints = dockerAvailable() ? containers() : embedded();
            log.info("integration tests run on {} infrastructure: {} and Kafka at {}", endpoints.kind(),
                    endpoints.postgresUrl(), endpoints.kafkaBootstrapServers());
        }
        return endpoints;
    }

    private static boolean dockerAvailable() {
        if (Boolean.getBoolean("doorstroom.tests.embedded")) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static Endpoints containers() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
        postgres.start();
        kafka.start();
        String base = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432);
        return new Endpoints(base, postgres.getUsername(), postgres.getPassword(), kafka.getBootstrapServers(), "Testcontainers");
    }

    private static Endpoints embedded() {
        LocalPostgres postgres = LocalPostgres.start(null, 0, false);
        LocalKafka kafka = LocalKafka.start(null, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable c : List.<AutoCloseable>of(kafka, postgres)) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }
        }));
        return new Endpoints("jdbc:postgresql://localhost:" + postgres.port(), LocalPostgres.USER, "",
                kafka.bootstrapServers(), "embedded");
    }
}
