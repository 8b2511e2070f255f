package nl.doorstroom.capacity;

import nl.doorstroom.testsupport.RealInfrastructure;
import nl.doorstroom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs bench/ReplayBenchmark.java against this service as the test starts it (embedded PostgreSQL with fsync off);
 * its output is in {@code target/replay-benchmark.txt}:
 * {@code ./mvnw -o -pl capacity-service test -Dtest=ReplayBenchmarkTest -Ddoorstroom.bench=true [-Ddoorstroom.bench.events=100000]}.
 * Skipped in the normal build: it measures, it does not check behaviour.
 */
@EnabledIfSystemProperty(named = "doorstroom.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CapacityServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class ReplayBenchmarkTest {

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String jdbcUrl;

    @Test
    void the_replay_benchmark_prints_the_rebuild_rate() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ProcessBuilder benchmark = new ProcessBuilder(java, "-cp", driver, Path.of("..", "bench", "ReplayBenchmark.java").toString(),
                System.getProperty("doorstroom.bench.events", "100000"), "http://localhost:" + port, "capacity-projection", jdbcUrl)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "replay-benchmark.txt").toFile());
        benchmark.environment().put("DOORSTROOM_ADMIN_TOKEN", TestTokens.admin());
        Process process = benchmark.start();
        assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
        System.out.println(Files.readString(Path.of("target", "replay-benchmark.txt")));
        assertThat(process.exitValue()).isZero();
    }
}
