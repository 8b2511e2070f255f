package nl.doorstroom.deadline;

import nl.doorstroom.contracts.finance.FinanceEventsV1;
import nl.doorstroom.deadline.domain.Deadline;
import nl.doorstroom.deadline.domain.DueMoment;
import nl.doorstroom.deadline.messaging.FinanceEventsConsumer;
import nl.doorstroom.testsupport.TestCloudEvents;
import nl.doorstroom.testsupport.TestTokens;
import nl.doorstroom.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static nl.doorstroom.testsupport.TopicReader.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Due moments wait in Axon's persistent deadline manager: two runs of the service, one after the other, on the
 * same database and the wall clock. One business case falls due while the service is down and is missed as soon
 * as it is back; the other falls due after the restart and is missed then, by the second run.
 */
class RestartIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final Duration SEVENTY_TWO_HOURS = FinanceEventsConsumer.ASSESSMENT_TIME;

    private final TestInfrastructure.Endpoints infrastructure = TestInfrastructure.get();
    private final String database = "test_deadline_restart_" + ProcessHandle.current().pid();

    @Test
    void a_deadline_scheduled_before_a_restart_fires_after_it_and_one_due_during_the_downtime_fires_on_start() {
        infrastructure.ensureDatabase(database);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(infrastructure.postgresUrl() + "/" + database,
                infrastructure.user(), infrastructure.password()));
        String duringDowntime = "BC-" + UUID.randomUUID();
        String afterRestart = "BC-" + UUID.randomUUID();
        Instant dueDuringDowntime;
        Instant dueAfterRestart;

        try (ConfigurableApplicationContext first = start()) {
            TestRestTemplate http = client(first);
            Instant now = Instant.now();
            dueDuringDowntime = now.plusSeconds(12);
            dueAfterRestart = now.plusSeconds(45);
            send(FinanceEventsV1.TOPIC, duringDowntime, submitted(duringDowntime, dueDuringDowntime.minus(SEVENTY_TWO_HOURS)));
            send(FinanceEventsV1.TOPIC, afterRestart, submitted(afterRestart, dueAfterRestart.minus(SEVENTY_TWO_HOURS)));
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
                assertThat(http.getForObject("/deadlines/III.9/" + duringDowntime, String.class)).contains("\"status\":\"OPEN\"");
                assertThat(http.getForObject("/deadlines/III.9/" + afterRestart, String.class)).contains("\"status\":\"OPEN\"");
            });
        }
        Instant down = Instant.now();
        assertThat(down).as("the first run must stop before its first business case falls due").isBefore(dueDuringDowntime);
        assertThat(missedAt(jdbc, duringDowntime)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where execution_time > ?", Long.class,
                Timestamp.from(down))).as("both due moments wait in the database").isGreaterThanOrEqualTo(2);
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(dueDuringDowntime.plusSeconds(1)));

        Instant restarted = Instant.now();
        try (ConfigurableApplicationContext second = start()) {
            TestRestTemplate http = client(second);
            await().atMost(Duration.ofSeconds(20)).until(() -> missedAt(jdbc, duringDowntime) != null);
            assertThat(missedAt(jdbc, duringDowntime)).as("fired by the second run, on start").isAfter(restarted);

            await().atMost(PATIENCE).until(() -> missedAt(jdbc, afterRestart) != null);
            assertThat(missedAt(jdbc, afterRestart)).as("fired at its due moment, not before").isAfterOrEqualTo(dueAfterRestart)
                    .isAfter(restarted);
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(http.getForObject("/deadlines/III.9/" + afterRestart, String.class)).contains("\"status\":\"MISSED\""));
        }
    }

    private ConfigurableApplicationContext start() {
        return DeadlineServiceApplication.application().run(
                "--server.port=0",
                "--doorstroom.postgres.url=" + infrastructure.postgresUrl(),
                "--doorstroom.postgres.user=" + infrastructure.user(),
                "--doorstroom.postgres.password=" + infrastructure.password(),
                "--doorstroom.database=" + database,
                "--doorstroom.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.kafka.consumer.group-id=" + database,
                "--db-scheduler.polling-interval=200ms",
                "--doorstroom.security.issuer-uri=" + TestTokens.ISSUER,
                "--doorstroom.security.public-key=" + TestTokens.publicKeyFile().toUri());
    }

    private static TestRestTemplate client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder().rootUri("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.token("analyst", java.util.List.of("analyst"), null)));
    }

    /** When the service recorded the business case as missed, or null. */
    private static Instant missedAt(JdbcTemplate jdbc, String businessCaseId) {
        return jdbc.query("""
                        select time_stamp from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%DeadlineMissed'""",
                (rs, n) -> Instant.parse(rs.getString(1)), Deadline.idOf("III.9/" + businessCaseId)).stream().findFirst().orElse(null);
    }

    private static String submitted(String businessCaseId, Instant submittedAt) {
        return TestCloudEvents.structured(FinanceEventsV1.type(FinanceEventsV1.BusinessCaseSubmitted.class), """
                {"businessCaseId":"%s","gemeente":"GM0034","title":"Flexwoningen Almere","amount":1200000,"submittedAt":"%s","occurredOn":"%s"}"""
                .formatted(businessCaseId, submittedAt, DueMoment.dateOf(submittedAt)));
    }
}
