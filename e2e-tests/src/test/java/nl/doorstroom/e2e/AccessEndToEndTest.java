package nl.doorstroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.doorstroom.e2e.StackClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, through the gateway with tokens from the stack's own issuer. Every write endpoint of every
 * service is tried without a token, with a token of the wrong role, of the wrong party (where a party applies) and of
 * the right party: 401, 403, 403, 2xx. Every read endpoint answers 401 without a token and reads with any token.
 * The endpoints come from each service's OpenAPI, so a new endpoint without a row here fails the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String LOCATION = "CNO-ACCESS-" + UUID.randomUUID();
    private static final String LOCATION_TO_CLOSE = "CNO-ACCESS-CLOSE-" + UUID.randomUUID();

    @TempDir
    static Path data;
    static StackClient client;
    static LocalStack stack;

    /** One write endpoint: its OpenAPI operation, a concrete call, and the demo clients to try it with. */
    record Write(String operation, String path, String body, String wrongRole, String wrongParty, String rightParty) {
    }

    private final List<String> tried = new ArrayList<>();

    @BeforeAll
    static void startTheStack() throws Exception {
        client = StackClient.forTest(data, Map.of("doorstroom.security.requests-per-second", "40"));
        stack = LocalStack.start(client.settings);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void every_write_is_401_without_a_token_403_with_the_wrong_role_or_party_and_done_for_the_right_party() throws Exception {
        // capacity: a veiligheidsregio acts in its own region only
        write(new Write("capacity POST /regions/{veiligheidsregio}/pledges", "/api/capacity/regions/VR01/pledges",
                "{\"tranche\":1,\"places\":225}", "gemeente-GM0363", "vr-VR02", "vr-VR01"));
        write(new Write("capacity POST /cno-locations", "/api/capacity/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR01","name":"Sporthal","places":100}""".formatted(LOCATION),
                "gemeente-GM0014", "vr-VR02", "vr-VR01"));
        assertThat(client.post("/api/capacity/cno-locations", """
                {"locationId":"%s","veiligheidsregio":"VR01","name":"Hal","places":50}""".formatted(LOCATION_TO_CLOSE))
                .statusCode()).isEqualTo(201);
        write(new Write("capacity POST /cno-locations/{locationId}/capacity", "/api/capacity/cno-locations/" + LOCATION + "/capacity",
                "{\"places\":120}", "ops", "vr-VR02", "vr-VR01"));
        write(new Write("capacity POST /cno-locations/{locationId}/occupancy", "/api/capacity/cno-locations/" + LOCATION + "/occupancy",
                "{\"occupied\":80}", "coa", "vr-VR02", "vr-VR01"));
        write(new Write("capacity POST /cno-locations/{locationId}/handover", "/api/capacity/cno-locations/" + LOCATION + "/handover",
                "{\"to\":\"COA\",\"recipient\":\"COA\"}", "coa", "vr-VR02", "vr-VR01"));
        write(new Write("capacity POST /cno-locations/{locationId}/closure", "/api/capacity/cno-locations/" + LOCATION_TO_CLOSE + "/closure",
                "{}", "analyst", "vr-VR02", "vr-VR01"));

        // housing: the Rijk sets the taakstelling; a municipality reports for itself, and gives away its own share
        write(new Write("housing POST /periods/{period}/taakstelling", "/api/housing/periods/2023-H1/taakstelling",
                "{\"nationalTotal\":20400,\"occurredOn\":\"2022-12-15\"}", "gemeente-GM0363", null, "rijk"));
        long housedBefore = housed("GM0363");
        write(new Write("housing POST /municipalities/{gmCode}/housings", "/api/housing/municipalities/GM0363/housings",
                "{\"persons\":3,\"housingForm\":\"REGULIERE_WONINGVOORRAAD\",\"period\":\"2022-H2\",\"occurredOn\":\"2022-10-03\"}",
                "ops", "gemeente-GM0014", null));
        assertThat(housed("GM0363")).as("gemeente-GM0014 reported nothing for GM0363").isEqualTo(housedBefore);
        assertThat(rightParty("/api/housing/municipalities/GM0363/housings",
                "{\"persons\":3,\"housingForm\":\"REGULIERE_WONINGVOORRAAD\",\"period\":\"2022-H2\",\"occurredOn\":\"2022-10-03\"}",
                "gemeente-GM0363").statusCode()).isBetween(200, 299);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(housed("GM0363")).isEqualTo(housedBefore + 3));
        write(new Write("housing POST /municipalities/{gmCode}/housings/corrections",
                "/api/housing/municipalities/GM0363/housings/corrections",
                "{\"period\":\"2022-H2\",\"housingForm\":\"REGULIERE_WONINGVOORRAAD\",\"persons\":5,\"reason\":\"dubbel geteld\"}",
                "ops", "gemeente-GM0014", "gemeente-GM0363"));
        write(new Write("housing POST /municipalities/{gmCode}/flexwoningen", "/api/housing/municipalities/GM0363/flexwoningen",
                "{\"homes\":10,\"centrallyProcured\":false}", "vr-VR13", "gemeente-GM0014", "gemeente-GM0363"));
        // a swap stays in the province (Amsterdam and Zaanstad, Noord-Holland): the giver proposes it and the receiver
        // agrees, or their province's regietafel arranges it
        String swap = "{\"fromGemeente\":\"GM0363\",\"toGemeente\":\"GM0479\",\"persons\":5,\"compensation\":\"CNO-plekken\"}";
        String swapId = StackClient.JSON.readTree(write(new Write("housing POST /periods/{period}/swaps",
                "/api/housing/periods/2023-H1/swaps", swap, "vr-VR13", "gemeente-GM0479", "gemeente-GM0363")).body())
                .get("swapId").asText();
        write(new Write("housing POST /periods/{period}/municipalities/{gmCode}/swap-agreements",
                "/api/housing/periods/2023-H1/municipalities/GM0479/swap-agreements", "{\"swapId\":\"" + swapId + "\"}",
                "provincie-PV27", "gemeente-GM0363", "gemeente-GM0479"));
        write(new Write("housing POST /periods/{period}/swaps as the PRT", "/api/housing/periods/2023-H1/swaps", swap,
                "ipo", "provincie-PV26", "provincie-PV27"));
        write(new Write("housing POST /periods/{period}/municipalities/{gmCode}/prt-agreements",
                "/api/housing/periods/2023-H1/municipalities/GM0363/prt-agreements",
                "{\"subject\":\"PLAN_AFGESTEMD\",\"note\":\"plan besproken\"}", "gemeente-GM0363", "provincie-PV26",
                "provincie-PV27"));

        // finance: the Rijk decides about money; claimants and municipalities submit for themselves
        write(new Write("finance POST /table/lines/{line}/amendments", "/api/finance/table/lines/BDUR/amendments",
                "{\"year\":2026,\"amount\":84000000,\"reason\":\"verhoogd\"}", "gemeente-GM0363", null, "rijk"));
        write(new Write("finance POST /table/lines/{line}/shifts", "/api/finance/table/lines/CENTRALE_INKOOPORDER_FLEXWONINGEN/shifts",
                "{\"fromYear\":2023,\"toYear\":2024,\"amount\":1000000,\"reason\":\"kasritme\"}", "vr-VR01", null, "rijk"));
        write(new Write("finance POST /table/lines/{line}/payments", "/api/finance/table/lines/BDUR/payments",
                "{\"year\":2023,\"recipient\":\"VR01\",\"amount\":1000}", "vr-VR01", null, "rijk"));
        write(new Write("finance POST /advances", "/api/finance/advances",
                "{\"recipient\":\"VR01\",\"amount\":5000}", "vr-VR01", null, "rijk"));
        String claimBody = """
                {"claimant":"VR01","category":"PERSONEEL","line":"CNO_KOSTEN","amount":1000,"cnoLocationId":"%s"}""".formatted(LOCATION);
        String claim = location(write(new Write("finance POST /claims", "/api/finance/claims", claimBody, "ops", "vr-VR02", "vr-VR01")));
        String rejected = location(client.post("/api/finance/claims", claimBody));
        write(new Write("finance POST /claims/{claimId}/approval", claim + "/approval", "{\"approvedAmount\":1000}",
                "vr-VR01", "coa", "rijk"));
        write(new Write("finance POST /claims/{claimId}/payment", claim + "/payment", "{}", "vr-VR01", "coa", "rijk"));
        write(new Write("finance POST /claims/{claimId}/rejection", rejected + "/rejection", "{\"reason\":\"dubbel ingediend\"}",
                "vr-VR01", "coa", "rijk"));
        // a GGD's extra medical costs are decided and paid by COA, which reimburses them (III.1.4), not by the Rijk
        String ggdClaimBody = """
                {"claimant":"GGD01","category":"MEDISCH","line":"GGD_MEDISCHE_KOSTEN","amount":1000}""";
        String ggdClaim = location(write(new Write("finance POST /claims as a GGD", "/api/finance/claims", ggdClaimBody,
                "ops", "ggd-GGD02", "ggd-GGD01")));
        String ggdRejected = location(client.post("/api/finance/claims", ggdClaimBody));
        write(new Write("finance POST /claims/{claimId}/approval of a GGD's claim", ggdClaim + "/approval",
                "{\"approvedAmount\":1000}", "ggd-GGD01", "rijk", "coa"));
        write(new Write("finance POST /claims/{claimId}/payment of a GGD's claim", ggdClaim + "/payment", "{}",
                "ggd-GGD01", "rijk", "coa"));
        write(new Write("finance POST /claims/{claimId}/rejection of a GGD's claim", ggdRejected + "/rejection",
                "{\"reason\":\"dubbel ingediend\"}", "ggd-GGD01", "rijk", "coa"));
        String businessCaseBody = "{\"gemeente\":\"GM0363\",\"title\":\"Tijdelijke units\",\"amount\":1000}";
        String businessCase = location(write(new Write("finance POST /business-cases", "/api/finance/business-cases",
                businessCaseBody, "vr-VR01", "gemeente-GM0014", "gemeente-GM0363")));
        write(new Write("finance POST /business-cases/{businessCaseId}/assessment", businessCase + "/assessment",
                "{\"outcome\":\"APPROVED\",\"approvedAmount\":1000,\"line\":\"HUISVESTINGSPAKKET\"}", "gemeente-GM0363", null, "rijk"));
        write(new Write("finance POST /business-cases/{businessCaseId}/payment", businessCase + "/payment", "{}",
                "gemeente-GM0363", null, "rijk"));

        // deadlines: a party that owes the article reports it met or extended
        String open = location(client.post("/api/finance/business-cases", businessCaseBody));
        String openCase = "/api/deadlines/deadlines/III.9/" + open.substring(open.lastIndexOf('/') + 1);
        await().atMost(PATIENCE).until(() -> client.get(openCase).statusCode() == 200);
        write(new Write("deadline POST /deadlines/{article}/met", "/api/deadlines/deadlines/III.15/met",
                "{\"evidence\":\"Kamerbrief 31 augustus 2022\",\"occurredOn\":\"2022-08-31\"}", "gemeente-GM0363", null, "rijk"));
        write(new Write("deadline POST /deadlines/{article}/{qualifier}/met", openCase + "/met",
                "{\"evidence\":\"beoordeeld per mail\"}", "gemeente-GM0363", null, "rijk"));
        write(new Write("deadline POST /deadlines/{article}/extensions", "/api/deadlines/deadlines/III.11/extensions",
                "{\"newDue\":\"2030-01-01\",\"reason\":\"plan volgt\"}", "ops", null, "rijk"));
        write(new Write("deadline POST /deadlines/{article}/met as the LRT", "/api/deadlines/deadlines/III.12.1/met",
                "{\"evidence\":\"Maatregelenpakket vastgesteld\",\"occurredOn\":\"2022-12-14\"}", "rijk", null, "lrt"));
        // (the CNO wind-down III.2.4/2023-01-01 is met by now: both locations above were closed or handed over)
        String another = location(client.post("/api/finance/business-cases", businessCaseBody));
        String anotherCase = "/api/deadlines/deadlines/III.9/" + another.substring(another.lastIndexOf('/') + 1);
        await().atMost(PATIENCE).until(() -> client.get(anotherCase).statusCode() == 200);
        assertThat(json(client.get("/api/deadlines/deadlines/III.2.4/2023-01-01")).get("status").asText()).isIn("MET", "LATE");
        write(new Write("deadline POST /deadlines/{article}/{qualifier}/extensions", anotherCase + "/extensions",
                "{\"newDue\":\"2030-01-01\",\"reason\":\"aanvullende stukken gevraagd\"}", "ops", null, "rijk"));

        // progress is reported by a party that owes the commitment in the catalogue, and by no other
        record Owed(String route, String ref, String party, String notOwing) {
        }
        for (Owed owed : List.of(new Owed("housing", "II.3", "vng", "rijk"), new Owed("housing", "II.3", "ipo", "coa"),
                new Owed("deadline", "III.2", "veiligheidsberaad", "vng"), new Owed("capacity", "III.1.3", "coa", "ipo"),
                new Owed("deadline", "INL.2", "ipo", "lrt"))) {
            write(new Write(owed.route() + " POST /commitments/{ref}/progress as " + owed.party(),
                    "/api/" + route(owed.route()) + "/commitments/" + owed.ref() + "/progress",
                    "{\"status\":\"IN_PROGRESS\",\"note\":\"loopt\",\"occurredOn\":\"2022-10-01\"}", "ops", owed.notOwing(), owed.party()));
        }
        // a dated deliverable is decided by its deadline, not by a report
        HttpResponse<String> decided = client.postAs("rijk", "/api/deadlines/commitments/III.2.1/progress",
                "{\"status\":\"MET\",\"note\":\"gedaan\",\"occurredOn\":\"2022-09-29\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(422);
        assertThat(decided.body()).contains("\"field\":\"status\"").contains("/api/deadlines/deadlines/III.2.1/met");

        // every service: progress on its own commitments the Rijk owes is the Rijk's to report; replays are admin's
        Map<String, String> ownCommitment = Map.of("capacity", "III.3", "housing", "III.12.3", "finance", "II.7", "deadline", "INL.3");
        for (var service : ownCommitment.entrySet()) {
            String route = "/api/" + route(service.getKey());
            write(new Write(service.getKey() + " POST /commitments/{ref}/progress", route + "/commitments/" + service.getValue() + "/progress",
                    "{\"status\":\"IN_PROGRESS\",\"note\":\"loopt\",\"occurredOn\":\"2022-10-01\"}", "ops", null, "rijk"));
            String processor = json(client.get(route + "/admin/processors")).get(0).get("name").asText();
            write(new Write(service.getKey() + " POST /admin/processors/{name}/replay",
                    route + "/admin/processors/" + replayable(route) + "/replay", "{}", "analyst", null, "admin"));
            write(new Write(service.getKey() + " POST /admin/processors/{name}/dead-letters/retry",
                    route + "/admin/processors/" + replayable(route) + "/dead-letters/retry", "{}", "ops", null, "admin"));
            assertThat(processor).isNotBlank();
        }

        assertThat(writeOperations()).as("every write endpoint has a row in this table").isSubsetOf(tried);
    }

    @Test
    @Order(2)
    void every_read_is_401_without_a_token_and_answers_any_token_and_admin_reads_need_admin() throws Exception {
        Map<String, String> values = Map.ofEntries(Map.entry("veiligheidsregio", "VR01"), Map.entry("locationId", LOCATION),
                Map.entry("period", "2022-H2"), Map.entry("gmCode", "GM0363"), Map.entry("pvCode", "PV27"),
                Map.entry("ref", "III.12.4"), Map.entry("article", "III.2.1"), Map.entry("qualifier", "2023-01-01"),
                Map.entry("line", "BDUR"), Map.entry("recipient", "VR01"));
        int reads = 0;
        for (String service : List.of("capacity", "housing", "finance", "deadline")) {
            JsonNode paths = json(client.get("/api/" + route(service) + "/v3/api-docs")).get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getValue().has("get")) {
                    continue;
                }
                String concrete = concrete(service, path.getKey(), values);
                String url = "/api/" + route(service) + concrete;
                assertThat(client.getAs(null, url).statusCode()).as("GET " + url + " without a token").isEqualTo(401);
                if (path.getKey().startsWith("/admin/")) {
                    assertThat(client.getAs("ops", url).statusCode()).as("GET " + url + " as ops").isEqualTo(403);
                    assertThat(client.getAs("admin", url).statusCode()).as("GET " + url + " as admin").isEqualTo(200);
                    // an auditor verifies the chain and exports history without being admin, and does nothing else there
                    assertThat(client.getAs("auditor", url).statusCode()).as("GET " + url + " as auditor")
                            .isEqualTo(path.getKey().startsWith("/admin/audit/") ? 200 : 403);
                } else {
                    int status = client.getAs("gemeente-GM0014", url).statusCode();
                    assertThat(status).as("GET " + url + " as gemeente-GM0014").isIn(200, 404);
                }
                reads++;
            }
        }
        assertThat(reads).isGreaterThan(25);
        assertThat(client.getAs(null, "/api/commitments").statusCode()).isEqualTo(401);
        assertThat(client.getAs("analyst", "/api/commitments").statusCode()).isEqualTo(200);
        // the gateway's own register, each answer checked against docs/openapi/gateway.json
        assertThat(client.getAs(null, "/api/commitments/III.12.4").statusCode()).isEqualTo(401);
        assertThat(client.getAs("analyst", "/api/commitments/III.12.4?validAt=2022-12-31").statusCode()).isEqualTo(200);
        assertThat(client.getAs("analyst", "/api/commitments/III.12.4/history").statusCode()).isEqualTo(200);
        assertThat(client.getAs("analyst", "/api/commitments/IX.99").statusCode()).as("no such article").isEqualTo(404);
    }

    @Test
    @Order(3)
    void responses_carry_strict_security_headers_and_cors_is_closed() throws Exception {
        HttpResponse<String> response = client.getAs("analyst", "/api/capacity/regions");
        assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(response.headers().firstValue("content-security-policy")).hasValueSatisfying(v ->
                assertThat(v).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("cache-control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        HttpResponse<String> preflight = client.preflight("/api/capacity/regions", "https://elders.example");
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    @Order(4)
    void a_client_over_its_rate_gets_429_with_retry_after_and_other_clients_are_not_held_up() throws Exception {
        List<HttpResponse<String>> responses = client.getAllAtOnce("analyst", "/api/finance/commitments", 120);
        HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("120 requests at once were all let through"));
        assertThat(limited.headers().firstValue("retry-after")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(limited.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(client.getAs("ops", "/api/finance/commitments").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void one_swagger_ui_at_the_gateway_shows_every_services_api() throws Exception {
        HttpResponse<String> ui = client.getAs(null, "/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        JsonNode config = json(client.getAs(null, "/v3/api-docs/swagger-config"));
        List<String> urls = new ArrayList<>();
        config.get("urls").forEach(u -> urls.add(u.get("url").asText()));
        assertThat(urls).containsExactlyInAnyOrder("/api/capacity/v3/api-docs", "/api/housing/v3/api-docs",
                "/api/finance/v3/api-docs", "/api/deadlines/v3/api-docs", "/v3/api-docs");
        assertThat(json(client.getAs(null, "/v3/api-docs")).get("paths").has("/api/commitments/{ref}"))
                .as("the gateway's own register is in its Swagger UI").isTrue();
        for (String url : urls) {
            assertThat(json(client.getAs(null, url)).get("paths").size()).as(url).isPositive();
        }
    }

    @Test
    @Order(6)
    void a_body_over_the_gateways_limit_is_refused_with_413_before_it_reaches_a_service() throws Exception {
        // a name the service would refuse as 400 (over 200 characters): 413 says the gateway stopped it first
        String body = """
                {"veiligheidsregio":"VR01","name":"%s","places":225,"occurredOn":"2022-09-01"}""".formatted("x".repeat(300 * 1024));
        HttpResponse<String> refused = client.postAs("vr-VR01", "/api/capacity/cno-locations", body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    /** No token 401, wrong role 403, wrong party 403, right party 2xx; nothing but the last may change anything. */
    private HttpResponse<String> write(Write write) throws Exception {
        tried.add(write.operation());
        HttpResponse<String> anonymous = client.postAs(null, write.path(), write.body());
        assertThat(anonymous.statusCode()).as(write.operation() + " without a token").isEqualTo(401);
        HttpResponse<String> wrongRole = client.postAs(write.wrongRole(), write.path(), write.body());
        assertThat(wrongRole.statusCode()).as(write.operation() + " as " + write.wrongRole() + ": " + wrongRole.body()).isEqualTo(403);
        assertThat(wrongRole.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        if (write.wrongParty() != null) {
            HttpResponse<String> wrongParty = client.postAs(write.wrongParty(), write.path(), write.body());
            assertThat(wrongParty.statusCode()).as(write.operation() + " as " + write.wrongParty() + ": " + wrongParty.body()).isEqualTo(403);
        }
        if (write.rightParty() == null) {
            return null;
        }
        HttpResponse<String> right = rightParty(write.path(), write.body(), write.rightParty());
        assertThat(right.statusCode()).as(write.operation() + " as " + write.rightParty() + ": " + right.body()).isBetween(200, 299);
        return right;
    }

    /** The right party's call, repeated while what it depends on (another service's event) has not arrived yet. */
    private HttpResponse<String> rightParty(String path, String body, String party) throws Exception {
        List<HttpResponse<String>> last = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = client.postAs(party, path, body);
            last.add(0, response);
            return response.statusCode() != 422;
        });
        return last.get(0);
    }

    private Set<String> writeOperations() throws Exception {
        Set<String> operations = new TreeSet<>();
        for (String service : List.of("capacity", "housing", "finance", "deadline")) {
            JsonNode paths = json(client.get("/api/" + route(service) + "/v3/api-docs")).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (!method.equals("get")) {
                    operations.add(service + " " + method.toUpperCase() + " " + path.getKey());
                }
            }));
        }
        return operations;
    }

    private static String concrete(String service, String template, Map<String, String> values) {
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = switch (name) {
                case "claimId", "businessCaseId", "name" -> firstId(service, name);
                default -> values.get(name);
            };
            assertThat(value).as("a value for {" + name + "} in " + service + " " + template).isNotNull();
            variable.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        variable.appendTail(result);
        return result.toString();
    }

    private static String firstId(String service, String name) {
        try {
            return switch (name) {
                case "claimId" -> json(client.get("/api/finance/claims")).get(0).get("claimId").asText();
                case "businessCaseId" -> json(client.get("/api/finance/business-cases")).get(0).get("businessCaseId").asText();
                default -> json(client.get("/api/" + route(service) + "/admin/processors")).get(0).get("name").asText();
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String replayable(String route) throws Exception {
        for (JsonNode processor : json(client.get(route + "/admin/processors"))) {
            if (processor.path("replayable").asBoolean(true) && processor.get("name").asText().endsWith("projection")) {
                return processor.get("name").asText();
            }
        }
        throw new AssertionError("no replayable projection in " + route);
    }

    private static String route(String service) {
        return service.equals("deadline") ? "deadlines" : service;
    }

    private static String location(HttpResponse<String> created) {
        String location = created.headers().firstValue("location").orElseThrow();
        String path = URI.create(location).getPath();
        return path.startsWith("/api/") ? path : "/api/finance" + path;
    }

    private static long housed(String gemeente) throws Exception {
        HttpResponse<String> response = client.get("/api/housing/periods/2022-H2/municipalities/" + gemeente);
        return response.statusCode() == 404 ? 0 : json(response).get("housed").asLong();
    }
}
