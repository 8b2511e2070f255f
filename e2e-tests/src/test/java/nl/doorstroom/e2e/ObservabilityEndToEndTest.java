package nl.doorstroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import nl.doorstroom.local.LocalStack;
import nl.doorstroom.testsupport.TestCloudEvents;
import nl.doorstroom.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Dashboards and alerts are part of the product: the Grafana dashboards in {@code deploy/grafana} provision as they
 * are, the rules in {@code deploy/prometheus} pass promtool and their own unit tests, and every PromQL expression of
 * every dashboard panel, template variable and rule returns at least one series from a real Prometheus (Debian's
 * package, installed by {@code deploy/prometheus/install-prometheus.sh}) scraping the local stack after a scenario.
 *
 * <p>How an expression is checked, through {@code /api/v1/query}:
 * <ul>
 *   <li>a panel's expression with its Grafana variables replaced: {@code $region} and the other template variables by
 *       {@code .*} (they are only used in {@code =~} matchers, so that is "All"), {@code $__rate_interval} by 30s;</li>
 *   <li>a template variable {@code label_values(selector, label)} as {@code count by (label) (selector)};</li>
 *   <li>a recording rule's expression as it is, and its recorded series by name;</li>
 *   <li>an alert's expression with every comparison against a number removed ({@code x > 60 and on (..) y > 0}
 *       becomes {@code x and on (..) y}): the quantities the alert compares, and the label matching between them,
 *       exist in the scrape — whether the threshold is crossed is for promtool's unit tests.</li>
 * </ul>
 * The stack is started once, only for the test that needs it; the other tests read files and run promtool.
 */
class ObservabilityEndToEndTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    private static final Path REPOSITORY = DEPLOY.getParent();
    private static final Path DASHBOARDS = DEPLOY.resolve("grafana/dashboards");
    private static final Path DATASOURCES = DEPLOY.resolve("grafana/provisioning/datasources/doorstroom.yml");
    private static final Path DASHBOARD_PROVIDERS = DEPLOY.resolve("grafana/provisioning/dashboards/doorstroom.yml");
    private static final Path PROMETHEUS = DEPLOY.resolve("prometheus");
    private static final List<Path> RULE_FILES = List.of(
            PROMETHEUS.resolve("rules/doorstroom-recording.yml"), PROMETHEUS.resolve("rules/doorstroom-alerts.yml"));
    private static final Path RULE_TESTS = PROMETHEUS.resolve("tests/doorstroom-alerts.test.yml");

    private static final ObjectMapper JSON = StackClient.JSON;
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A comparison with a number, as alert conditions are written ({@code > 0}, {@code == 0}, {@code > 0.05}). */
    private static final Pattern THRESHOLD = Pattern.compile("\\s*(?:==|!=|>=|<=|>|<)\\s*(?:bool\\s+)?-?[0-9][0-9.eE+-]*(?![0-9A-Za-z_:])");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.+),\\s*([A-Za-z_][A-Za-z0-9_]*)\\)$", Pattern.DOTALL);

    @TempDir
    static Path data;
    static LocalStack stack;
    static Process prometheus;

    @AfterAll
    static void stopEverything() {
        if (prometheus != null) {
            prometheus.destroy();
            try {
                if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void every_dashboard_provisions_with_a_title_a_uid_unique_panel_ids_and_the_provisioned_data_source() throws Exception {
        String datasourceUid = provisionedDatasourceUid();
        JsonNode providers = YAML.readTree(DASHBOARD_PROVIDERS.toFile());
        assertThat(providers.get("apiVersion").asInt()).isEqualTo(1);
        assertThat(providers.get("providers")).allSatisfy(p -> {
            assertThat(p.get("type").asText()).isEqualTo("file");
            assertThat(p.path("options").path("path").asText()).isNotBlank();
        });

        List<Path> files = dashboardFiles();
        assertThat(files).extracting(f -> f.getFileName().toString()).contains(
                "agreement-overview.json", "capacity.json", "housing.json", "finance.json", "pipeline-health.json");
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Path file : files) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            String name = file.getFileName().toString();
            assertThat(dashboard.path("uid").asText()).as(name + " uid").isNotBlank().hasSizeLessThanOrEqualTo(40);
            assertThat(dashboard.path("title").asText()).as(name + " title").isNotBlank();
            assertThat(uids.add(dashboard.get("uid").asText())).as(name + ": uid used by another dashboard").isTrue();
            assertThat(titles.add(dashboard.get("title").asText())).as(name + ": title used by another dashboard").isTrue();
            assertThat(dashboard.has("id") && !dashboard.get("id").isNull()).as(name + ": a provisioned dashboard has no id").isFalse();

            List<JsonNode> panels = panels(dashboard);
            assertThat(panels).as(name + " panels").isNotEmpty();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels) {
                String where = name + " panel '" + panel.path("title").asText() + "'";
                assertThat(panel.path("id").isInt()).as(where + " id").isTrue();
                assertThat(ids.add(panel.get("id").asInt())).as(where + ": id " + panel.get("id") + " not unique").isTrue();
                assertThat(panel.path("title").asText()).as(where + " title").isNotBlank();
                assertThat(panel.path("gridPos").path("w").asInt()).as(where + " width").isBetween(1, 24);
                if ("row".equals(panel.path("type").asText())) {
                    continue;
                }
                assertThat(panel.path("datasource").path("uid").asText()).as(where + " datasource").isEqualTo(datasourceUid);
                assertThat(panel.path("targets")).as(where + " targets").isNotEmpty();
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.get("targets")) {
                    assertThat(target.path("expr").asText()).as(where + " expr").isNotBlank();
                    assertThat(refIds.add(target.path("refId").asText())).as(where + " refId").isTrue();
                    assertThat(target.path("datasource").path("uid").asText()).as(where + " target datasource").isEqualTo(datasourceUid);
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                assertThat(variable.path("datasource").path("uid").asText()).as(name + " variable " + variable.path("name"))
                        .isEqualTo(datasourceUid);
            }
        }
    }

    @Test
    void the_rules_pass_promtool_check_and_every_alert_has_a_runbook_and_a_unit_test() throws Exception {
        String promtool = onPath("promtool").orElse(null);
        assumeTrue(promtool != null, "promtool is not on the PATH: run deploy/prometheus/install-prometheus.sh (.ci/run does)");

        List<String> check = new ArrayList<>(List.of(promtool, "check", "rules"));
        RULE_FILES.forEach(f -> check.add(f.toString()));
        assertThat(run(check, PROMETHEUS)).as("promtool check rules").startsWith("0:");
        for (String config : List.of("prometheus-local.yml", "prometheus-deployed.yml")) {
            assertThat(run(List.of(promtool, "check", "config", config), PROMETHEUS)).as("promtool check config " + config).startsWith("0:");
        }
        assertThat(run(List.of(promtool, "test", "rules", PROMETHEUS.relativize(RULE_TESTS).toString()), PROMETHEUS))
                .as("promtool test rules").startsWith("0:").contains("SUCCESS");

        String unitTests = Files.readString(RULE_TESTS);
        List<JsonNode> alerts = rules().stream().filter(r -> r.has("alert")).toList();
        assertThat(alerts).extracting(a -> a.get("alert").asText())
                .contains("DeadlineMissed", "DeadLetteredRecords", "ProjectionLagHigh", "ServiceDown", "ErrorRateBurst");
        for (JsonNode alert : alerts) {
            String name = alert.get("alert").asText();
            String runbook = alert.path("annotations").path("runbook_url").asText();
            assertThat(runbook).as(name + " runbook_url").isEqualTo("docs/runbooks/" + name + ".md");
            assertThat(REPOSITORY.resolve(runbook)).as(name + " runbook").isRegularFile();
            // fires somewhere (an expected alert) and stays quiet somewhere (an empty expectation) in the unit tests
            assertThat(unitTests).as(name + " unit tests").containsPattern(
                    "alertname: " + name + "\\s+exp_alerts:\\s+- exp_labels")
                    .containsPattern("alertname: " + name + "\\s+exp_alerts: \\[]");
        }
    }

    @Test
    void every_panel_variable_and_rule_expression_returns_series_from_a_real_prometheus_scraping_the_stack() throws Exception {
        String prometheusBinary = onPath("prometheus").orElse(null);
        assumeTrue(prometheusBinary != null, "prometheus is not on the PATH: run deploy/prometheus/install-prometheus.sh (.ci/run does)");

        StackClient client = StackClient.forTest(data.resolve("stack"), Map.of());
        stack = LocalStack.start(client.settings);

        // Prometheus first, so the counters are seen at 0 before the scenario moves them
        int port = freePort();
        Path config = prometheusConfig(client.settings);
        prometheus = new ProcessBuilder(prometheusBinary, "--config.file=" + config,
                "--storage.tsdb.path=" + data.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(data.resolve("prometheus.log").toFile()).start();
        String api = "http://127.0.0.1:" + port;

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode targets = get(api + "/api/v1/targets").path("data").path("activeTargets");
            assertThat(targets).hasSize(5).allSatisfy(t -> assertThat(t.get("health").asText()).as(t.toString()).isEqualTo("up"));
        });
        driveAScenario(client);

        Map<String, String> expressions = expressionsToCheck();
        assertThat(expressions).hasSizeGreaterThan(60);
        List<String> empty = new ArrayList<>();
        // gauges refresh every few seconds, recording rules every evaluation: give them a minute to show up
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            empty.clear();
            for (var e : expressions.entrySet()) {
                JsonNode answer = get(api + "/api/v1/query?query=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                assertThat(answer.path("status").asText()).as(e.getKey() + ": " + e.getValue() + " -> " + answer).isEqualTo("success");
                if (answer.path("data").path("result").isEmpty()) {
                    empty.add(e.getKey() + ": " + e.getValue());
                }
            }
            assertThat(empty).as("expressions without a series").isEmpty();
        });
        System.out.printf("%d expressions of dashboards, variables and rules each returned at least one series%n", expressions.size());

        // and one alert end to end: the rejected COA message fires DeadLetteredRecords for its topic
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(api + "/api/v1/alerts").path("data").path("alerts"))
                .anySatisfy(a -> {
                    assertThat(a.path("labels").path("alertname").asText()).isEqualTo("DeadLetteredRecords");
                    assertThat(a.path("labels").path("topic").asText()).isEqualTo("coa.locaties.v1");
                    assertThat(a.path("state").asText()).isEqualTo("firing");
                }));
    }

    /** A small day of the agreement through the gateway and COA's topics, touching every service and a dead letter. */
    private static void driveAScenario(StackClient client) throws Exception {
        String location = "CNO-OBS-" + UUID.randomUUID();
        expect(client.post("/api/capacity/regions/VR01/pledges", """
                {"tranche":1,"places":225,"occurredOn":"2022-09-01"}"""), 200, 299);
        expect(client.post("/api/capacity/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR01","name":"Sporthal Zuidlaren","places":225,"occurredOn":"2022-09-01"}"""
                .formatted(location)), 201, 201);
        expect(client.post("/api/capacity/cno-locations/" + location + "/occupancy", """
                {"occupied":180,"occurredOn":"2022-09-15"}"""), 200, 299);
        expect(client.post("/api/housing/periods/2022-H2/taakstelling", """
                {"nationalTotal":13500,"occurredOn":"2022-08-26"}"""), 200, 299);
        expect(client.post("/api/housing/municipalities/GM0363/housings", """
                {"persons":25,"housingForm":"REGULIERE_WONINGVOORRAAD","period":"2022-H2","occurredOn":"2022-10-03"}"""), 200, 299);
        expect(client.post("/api/finance/advances", """
                {"recipient":"VR01","amount":300000,"occurredOn":"2022-09-01"}"""), 200, 299);
        // finance knows the CNO location from capacity's published events
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> client.post("/api/finance/claims", """
                {"claimant":"VR01","category":"CNO_EXPLOITATIE","line":"CNO_KOSTEN","amount":125000,"cnoLocationId":"%s","occurredOn":"2022-10-03"}"""
                .formatted(location)).statusCode() == 201);
        expect(client.post("/api/finance/business-cases", """
                {"gemeente":"GM0363","title":"Tijdelijke units","amount":2500000}"""), 201, 201);

        String coaLocation = "COA-OBS-" + UUID.randomUUID();
        TopicReader.send(stack.kafkaBootstrapServers(), "coa.locaties.v1", coaLocation, TestCloudEvents.structured(
                "nl.coa.locaties.LocatieGeopend.v1", """
                {"locatieId":"%s","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2000},"datum":"2022-08-26"}""".formatted(coaLocation))
                .getBytes(StandardCharsets.UTF_8));
        TopicReader.send(stack.kafkaBootstrapServers(), "coa.locaties.v1", "not-a-cloud-event",
                "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(StackClient.json(client.get("/api/capacity/national")).get("perDoelgroep").get("ASIELZOEKERS").get("places").asInt())
                    .isGreaterThanOrEqualTo(2000);
            assertThat(client.prometheus("capacity")).contains("doorstroom_inbound_dead_lettered_total{service=\"capacity\",topic=\"coa.locaties.v1\"} 1.0");
        });
    }

    /** Every expression to evaluate, keyed by where it comes from. */
    private static Map<String, String> expressionsToCheck() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            String name = file.getFileName().toString();
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText().trim());
                assertThat(labelValues.matches()).as(name + " variable " + variable.path("name") + " is label_values(...)").isTrue();
                expressions.put(name + " $" + variable.get("name").asText(),
                        "count by (" + labelValues.group(2) + ") (" + labelValues.group(1) + ")");
            }
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    expressions.put(name + " '" + panel.get("title").asText() + "' " + target.get("refId").asText(),
                            withVariablesReplaced(target.get("expr").asText()));
                }
            }
        }
        for (JsonNode rule : rules()) {
            String expr = rule.get("expr").asText();
            if (rule.has("record")) {
                expressions.put("rule " + rule.get("record").asText(), expr);
                expressions.put("recorded " + rule.get("record").asText(), rule.get("record").asText());
            } else {
                String quantities = THRESHOLD.matcher(expr).replaceAll("");
                assertThat(quantities).as("alert " + rule.get("alert") + " compares a quantity with a number").isNotEqualTo(expr);
                expressions.put("alert " + rule.get("alert").asText(), quantities);
            }
        }
        return expressions;
    }

    private static String withVariablesReplaced(String expr) {
        return GRAFANA_VARIABLE.matcher(expr).replaceAll(m -> switch (m.group(1)) {
            case "__rate_interval", "__interval" -> "30s";
            case "__range" -> "5m";
            default -> ".*";
        });
    }

    /** The local scrape configuration as shipped, pointed at the test stack's ports, scraping and evaluating every 2 s. */
    private static Path prometheusConfig(LocalStack.Settings settings) throws IOException {
        String config = Files.readString(PROMETHEUS.resolve("prometheus-local.yml"))
                .replace("scrape_interval: 15s", "scrape_interval: 2s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 2s")
                .replace("localhost:8080", "localhost:" + settings.gatewayPort())
                .replace("localhost:8081", "localhost:" + settings.port("capacity"))
                .replace("localhost:8082", "localhost:" + settings.port("housing"))
                .replace("localhost:8083", "localhost:" + settings.port("finance"))
                .replace("localhost:8084", "localhost:" + settings.port("deadline"));
        for (Path rules : RULE_FILES) {
            config = config.replace("- " + PROMETHEUS.relativize(rules), "- " + rules);
        }
        assertThat(config).contains("scrape_interval: 2s", "localhost:" + settings.port("deadline"), RULE_FILES.get(1).toString());
        Path file = data.resolve("prometheus.yml");
        Files.writeString(file, config);
        return file;
    }

    private static List<JsonNode> rules() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        for (Path file : RULE_FILES) {
            YAML.readTree(file.toFile()).get("groups").forEach(group -> group.get("rules").forEach(rules::add));
        }
        return rules;
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every panel, those inside collapsed rows included. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static String provisionedDatasourceUid() throws IOException {
        JsonNode datasources = YAML.readTree(DATASOURCES.toFile());
        assertThat(datasources.get("apiVersion").asInt()).isEqualTo(1);
        assertThat(datasources.get("datasources")).hasSize(1);
        JsonNode datasource = datasources.get("datasources").get(0);
        assertThat(datasource.get("type").asText()).isEqualTo("prometheus");
        String uid = datasource.path("uid").asText();
        assertThat(uid).isNotBlank();
        return uid;
    }

    private static void expect(HttpResponse<String> response, int from, int to) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isBetween(from, to);
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Runs a command; returns its exit code and output as {@code "<code>: <output>"}, so a failing assertion shows both. */
    private static String run(List<String> command, Path directory) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return process.exitValue() + ": " + output;
    }

    private static Optional<String> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
