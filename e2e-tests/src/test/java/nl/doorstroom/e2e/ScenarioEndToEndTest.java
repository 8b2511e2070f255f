package nl.doorstroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.ContractSchemas;
import nl.doorstroom.local.LocalStack;
import nl.doorstroom.local.scenario.HistoricalScenario;
import nl.doorstroom.local.scenario.ScenarioLoader;
import nl.doorstroom.testsupport.ReadModelRebuild;
import nl.doorstroom.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static nl.doorstroom.e2e.StackClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The historical scenario (26 August 2022 – 31 July 2023) loaded into the whole stack through the gateway and COA's
 * and IND's topics, on a business clock that runs 100,000 times as fast (a business day in 0.9 s). Then the
 * audit's questions: what happened to the dated commitments, what did we know of a corrected count and when, and
 * does rebuilding every projection of every service give exactly the live state without publishing anything.
 * Finance and deadline service talk only through {@code doorstroom.finance.events}: a business case assessed within
 * hours meets its 72 business hours (III.9), one assessed after five days misses them, published as a contract.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioEndToEndTest {

    private static final double SPEED = 100_000;
    private static final List<String> SERVICES = List.of("capacity", "housing", "finance", "deadline");

    @TempDir
    static Path data;
    static StackClient client;
    static LocalStack stack;
    static ScenarioLoader.Report loaded;

    @BeforeAll
    static void loadTheScenario() throws Exception {
        // the clock stands at 26 August 2022 until every service is up, then runs
        ScenarioLoader.Clock clock = new ScenarioLoader.Clock(HistoricalScenario.START, Instant.now().plusSeconds(180), SPEED);
        client = StackClient.forTest(data, clock.properties(), false);
        stack = LocalStack.start(client.settings);
        assertThat(Instant.now()).as("the stack was up before its business clock started to run").isBefore(clock.wallStart());
        // every answer the scenario gets is one the published documents describe
        loaded = new ScenarioLoader(client.settings.url("gateway"), client.settings.issuerUrl(), stack.kafkaBootstrapServers(), clock,
                ApiContract::check).load(ScenarioLoader.read(ScenarioLoader.HISTORICAL));
        System.out.printf("scenario loaded: %d calls, %d messages, at worst %s behind the business clock (step %s)%n",
                loaded.httpSteps(), loaded.kafkaSteps(), loaded.worstBusinessDelay(), loaded.worstStep());
        for (String service : SERVICES) {
            awaitSettled(service);
        }
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void the_dated_commitments_went_as_the_parties_acted_on_the_business_clock() throws Exception {
        assertThat(loaded.httpSteps()).isGreaterThan(2_900);
        assertThat(loaded.kafkaSteps()).isGreaterThan(500);

        String behind = "the loader ran at worst " + loaded.worstBusinessDelay() + " business time behind, at step " + loaded.worstStep();
        assertThat(deadline("III.15").get("status").asText()).as("met on the day of the agreement; " + behind).isEqualTo("MET");
        assertThat(deadline("II.1").get("status").asText()).as("left unmet past 1 October 2022").isEqualTo("MISSED");
        assertThat(deadline("III.6").get("status").asText()).as("met in November, after 1 October").isEqualTo("LATE");
        JsonNode extended = deadline("III.12.1");
        assertThat(extended.get("status").asText()).as("extended to February, met before it").isEqualTo("MET");
        assertThat(extended.get("dueOn").asText()).isEqualTo("2023-02-15");
        JsonNode windDown = deadline("III.2.4/2023-01-01");
        assertThat(windDown.get("status").asText()).as("two CNO locations closed only in January 2023").isEqualTo("LATE");

        // business cases: assessed within hours is met; assessed after five days or more missed its 72 hours
        assertThat(deadline("III.9/" + loaded.savedIds().get("bc-1")).get("status").asText()).as(behind).isEqualTo("MET");
        String inTime = loaded.savedIds().get("bc-1");
        assertThat(deadline("III.9/" + inTime).get("evidence").asText()).contains("BusinessCaseAssessed");
        String lateCase = loaded.savedIds().get("bc-6");
        assertThat(deadline("III.9/" + lateCase).get("status").asText()).as("assessed after five days or more").isEqualTo("LATE");
        List<ConsumerRecord<String, byte[]>> published = TopicReader.readUntil(stack.kafkaBootstrapServers(),
                "doorstroom.deadline.events", r -> false, Duration.ofSeconds(10));
        JsonNode missed = StackClient.JSON.readTree(TopicReader.text(published.stream()
                .filter(r -> TopicReader.text(r).contains("DeadlineMissed") && TopicReader.text(r).contains("III.9/" + lateCase))
                .findFirst().orElseThrow()));
        assertThat(missed.get("type").asText()).isEqualTo("nl.doorstroom.deadline.DeadlineMissed.v1");
        assertThat(ContractSchemas.publishedEventViolations(missed)).isEmpty();
        assertThat(published).as("a business case assessed in time is never missed")
                .noneMatch(r -> TopicReader.text(r).contains("DeadlineMissed") && TopicReader.text(r).contains("III.9/" + inTime));

        JsonNode national = json(client.get("/api/housing/periods/2022-H2/national"));
        assertThat(national.get("housed").asLong()).as(national.toString()).isBetween(10_000L, 20_000L);
        JsonNode advances = json(client.get("/api/finance/advances"));
        assertThat(advances.toString()).contains("VR01");
    }

    /**
     * III.12.4 once read MET in the register (the figure housed by March) and MISSED in the deadline service, INL.1
     * IN_PROGRESS and MISSED. A dated target is now judged in one place, its owner's register, on the figure as it
     * stood at the end of its due date, and the gauges say the same; the deadline service keeps no deadline for it.
     * A dated deliverable owned by capacity, housing or finance is decided by its deadline, and the owner's register
     * takes that outcome from doorstroom.deadline.events.
     */
    @Test
    @Order(2)
    void a_dated_commitment_has_one_status_in_the_register_the_deadline_service_and_the_gauges() throws Exception {
        for (var owned : Map.of("III.12.4", "housing", "INL.1", "capacity").entrySet()) {
            String ref = owned.getKey();
            JsonNode entry = json(client.get("/api/commitments/" + ref));
            BigDecimal target = entry.get("target").get("amount").decimalValue();
            BigDecimal now = entry.get("actual").decimalValue();
            BigDecimal atDue = entry.get("why").get("measureAtDue").get("actual").decimalValue();
            String status = entry.get("status").asText();
            assertThat(status).as(ref + ": reached by the end of 2022 is MET, only since is LATE, else MISSED: " + entry)
                    .isEqualTo(atDue.compareTo(target) >= 0 ? "MET" : now.compareTo(target) >= 0 ? "LATE" : "MISSED");
            assertThat(entry.get("why").get("basis").asText()).isEqualTo("MEASURED");

            HttpResponse<String> deadline = client.get("/api/deadlines/deadlines/" + ref);
            assertThat(deadline.statusCode()).as(deadline.body()).isEqualTo(404);
            assertThat(deadline.body()).contains("/api/commitments/" + ref);
            assertThat(json(client.get("/api/deadlines/deadlines")).findValuesAsText("ref")).doesNotContain(ref);

            await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(gaugedStatus(owned.getValue(), ref)).as(ref + " in doorstroom_commitment_status").isEqualTo(status));
        }
        // a dated deliverable of another service's: the deadline service decides, the owner's register says the same
        Map<String, String> decidedBy = Map.of("II.1", "II.1", "III.12.1", "III.12.1", "III.10", "III.10",
                "III.2.4", "III.2.4/2023-01-01");
        for (var deliverable : decidedBy.entrySet()) {
            String deadlineStatus = deadline(deliverable.getValue()).get("status").asText();
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                JsonNode entry = json(client.get("/api/commitments/" + deliverable.getKey()));
                assertThat(entry.get("status").asText()).as(deliverable + ": " + entry)
                        .isEqualTo(deadlineStatus.equals("OPEN") ? entry.get("status").asText() : deadlineStatus);
                if (!deadlineStatus.equals("OPEN")) {
                    assertThat(entry.get("reportedBy").asText()).isEqualTo("deadline-service");
                }
            });
        }
        assertThat(json(client.get("/api/commitments/II.1")).get("status").asText()).isEqualTo("MISSED");
        assertThat(json(client.get("/api/commitments/III.2.4")).get("status").asText())
                .as("two CNO locations closed only in January 2023").isEqualTo("LATE");

        JsonNode housed = json(client.get("/api/commitments/III.12.4"));
        assertThat(housed.get("why").get("measureAtDue").get("actual").decimalValue())
                .as("housings dated in 2022-H2, whenever reported, and no later ones")
                .isLessThanOrEqualTo(housed.get("actual").decimalValue());
    }

    /** The status label of the owner's {@code doorstroom_commitment_status} series for {@code ref}. */
    private static String gaugedStatus(String service, String ref) throws Exception {
        Pattern series = Pattern.compile("^doorstroom_commitment_status\\{.*ref=\"" + Pattern.quote(ref) + "\".*\\} 1\\.0$");
        List<String> statuses = client.prometheus(service).lines().filter(l -> series.matcher(l).matches())
                .map(l -> l.replaceAll(".*status=\"([A-Z_]+)\".*", "$1")).toList();
        assertThat(statuses).as(service + " gauges " + ref + " once").hasSize(1);
        return statuses.get(0);
    }

    @Test
    @Order(3)
    void a_december_count_corrected_in_march_reads_old_as_known_in_january_and_new_as_known_now() throws Exception {
        String december = "/api/housing/periods/2022-H2/municipalities/GM0363?validAt=2022-12-31";
        JsonNode knownInJanuary = json(client.get(december + "&knownAt=2023-01-15T00:00:00Z"));
        JsonNode knownNow = json(client.get(december));

        long before = knownInJanuary.get("housedByForm").get("REGULIERE_WONINGVOORRAAD").asLong();
        long after = knownNow.get("housedByForm").get("REGULIERE_WONINGVOORRAAD").asLong();
        assertThat(after).as("the March correction: 35 more housed in December").isEqualTo(before + 35);
        assertThat(knownNow.get("housed").asLong()).isEqualTo(knownInJanuary.get("housed").asLong() + 35);
    }

    @Test
    @Order(4)
    void rebuilding_every_projection_of_every_service_gives_the_live_state_and_publishes_nothing() throws Exception {
        Map<String, Map<String, String>> before = new LinkedHashMap<>();
        Map<String, Integer> publishedBefore = new LinkedHashMap<>();
        for (String service : SERVICES) {
            before.put(service, ReadModelRebuild.checksums(database(service)));
            publishedBefore.put(service, published(service));
        }

        List<String> replayed = new ArrayList<>();
        for (String service : SERVICES) {
            for (JsonNode processor : json(client.adminGet(service, "/admin/processors"))) {
                String name = processor.get("name").asText();
                HttpResponse<String> replay = client.adminPost(service, "/admin/processors/" + name + "/replay");
                if (processor.get("replayable").asBoolean()) {
                    assertThat(replay.statusCode()).as(service + " " + name + ": " + replay.body()).isEqualTo(202);
                    replayed.add(service + "/" + name);
                } else {
                    assertThat(replay.statusCode()).as(service + " " + name + " must refuse").isEqualTo(409);
                }
            }
        }
        assertThat(replayed).contains("capacity/capacity-projection", "housing/housing-projection",
                "finance/finance-projection", "deadline/deadline-projection");
        for (String service : SERVICES) {
            awaitSettled(service);
        }

        for (String service : SERVICES) {
            assertThat(ReadModelRebuild.checksums(database(service))).as(service + "'s read models after the rebuild")
                    .isEqualTo(before.get(service));
            assertThat(published(service)).as("records on doorstroom." + service + ".events after the rebuild")
                    .isEqualTo(publishedBefore.get(service));
            JsonNode chain = json(client.adminGet(service, "/admin/audit/verify"));
            assertThat(chain.get("intact").asBoolean()).as(service + ": " + chain).isTrue();
        }
    }

    private static JsonNode deadline(String ref) throws Exception {
        return json(client.get("/api/deadlines/deadlines/" + ref));
    }

    private static void awaitSettled(String service) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode processors = json(client.adminGet(service, "/admin/processors"));
            for (JsonNode p : processors) {
                assertThat(p.get("replaying").asBoolean() || p.get("lagEvents").asLong() > 0)
                        .as(service + ": " + p).isFalse();
            }
        });
    }

    private static PGSimpleDataSource database(String service) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(stack.postgresUrl() + "/doorstroom_" + service);
        source.setUser("postgres");
        source.setPassword("");
        return source;
    }

    private static int published(String service) {
        return TopicReader.readUntil(stack.kafkaBootstrapServers(), "doorstroom." + service + ".events", r -> false,
                Duration.ofSeconds(5)).size();
    }
}
