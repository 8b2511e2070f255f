package nl.doorstroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.ContractSchemas;
import nl.doorstroom.local.LocalStack;
import nl.doorstroom.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static nl.doorstroom.e2e.StackClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole stack on an accelerated business clock: it starts on Monday 12 September 2022, 10:00 Dutch time, and
 * runs two business hours per wall-clock second, so a business case's 72 hours (III.9) pass in 36 seconds.
 * Finance and deadline service talk only through {@code doorstroom.finance.events} on the stack's own broker.
 */
class BusinessTimeEndToEndTest {

    private static final Duration SEVENTY_TWO_BUSINESS_HOURS_AND_SOME = Duration.ofSeconds(120);

    @TempDir
    static Path data;
    static StackClient client;
    static LocalStack stack;

    @BeforeAll
    static void startTheStackOnBusinessTime() throws Exception {
        client = StackClient.forTest(data, Map.of(
                "doorstroom.clock.start", "2022-09-12T08:00:00Z",
                "doorstroom.clock.speed", "7200"));
        stack = LocalStack.start(client.settings);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_business_case_assessed_in_time_is_met_and_one_left_for_72_business_hours_is_missed_and_published() throws Exception {
        String assessed = submitBusinessCase("GM0363", "Tijdelijke units Sloterdijk");
        String forgotten = submitBusinessCase("GM0014", "Flexwoningen Kardinge");

        // both deadlines exist in the deadline service, started by finance's published submission
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(deadline(assessed).get("status").asText()).isEqualTo("OPEN");
            assertThat(deadline(forgotten).get("status").asText()).isEqualTo("OPEN");
        });
        HttpResponse<String> assessment = client.post("/api/finance/business-cases/" + assessed + "/assessment", """
                {"outcome":"APPROVED","approvedAmount":1500000,"line":"HUISVESTINGSPAKKET"}""");
        assertThat(assessment.statusCode()).as(assessment.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(deadline(assessed).get("status").asText()).isEqualTo("MET"));
        assertThat(deadline(assessed).get("evidence").asText()).contains("BusinessCaseAssessed");

        await().atMost(SEVENTY_TWO_BUSINESS_HOURS_AND_SOME).ignoreExceptions().untilAsserted(() ->
                assertThat(deadline(forgotten).get("status").asText()).isEqualTo("MISSED"));
        assertThat(deadline(assessed).get("status").asText()).isEqualTo("MET");

        List<ConsumerRecord<String, byte[]>> published = TopicReader.readUntil(stack.kafkaBootstrapServers(),
                "doorstroom.deadline.events", r -> TopicReader.text(r).contains("III.9/" + forgotten), Duration.ofSeconds(30));
        JsonNode missed = StackClient.JSON.readTree(TopicReader.text(published.stream()
                .filter(r -> TopicReader.text(r).contains("III.9/" + forgotten)).findFirst().orElseThrow()));
        assertThat(missed.get("type").asText()).isEqualTo("nl.doorstroom.deadline.DeadlineMissed.v1");
        assertThat(ContractSchemas.publishedEventViolations(missed)).isEmpty();
        assertThat(published).noneMatch(r -> TopicReader.text(r).contains("DeadlineMissed")
                && TopicReader.text(r).contains("III.9/" + assessed));
    }

    private String submitBusinessCase(String gemeente, String title) throws Exception {
        HttpResponse<String> submitted = client.post("/api/finance/business-cases", """
                {"gemeente":"%s","title":"%s","amount":2000000}""".formatted(gemeente, title));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String location = submitted.headers().firstValue("location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private JsonNode deadline(String businessCaseId) throws Exception {
        return json(client.get("/api/deadlines/deadlines/III.9/" + businessCaseId));
    }
}
