package nl.doorstroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes PrometheusRule is made from deploy/prometheus/rules, the files promtool tests and the local stack's
 * and Compose's Prometheus load. To make it again after changing a rule:
 * {@code ./mvnw -q -pl deploy test -Dtest=PrometheusRuleTest -Ddeploy.regenerate=true}.
 */
class PrometheusRuleTest {

    static final String RULE = "deploy/kubernetes/base/prometheus-rule.yaml";
    static final List<String> RULE_FILES = List.of("deploy/prometheus/rules/doorstroom-recording.yml",
            "deploy/prometheus/rules/doorstroom-alerts.yml");

    /** The PrometheusRule the rule files make: their groups, in the order prometheus-local.yml loads them. */
    static ObjectNode fromRuleFiles() {
        ObjectNode rule = Repository.YAML.createObjectNode();
        rule.put("apiVersion", "monitoring.coreos.com/v1");
        rule.put("kind", "PrometheusRule");
        ObjectNode metadata = rule.putObject("metadata");
        metadata.put("name", "doorstroom");
        metadata.putObject("labels").put("doorstroom.nl/monitoring", "true");
        ArrayNode groups = rule.putObject("spec").putArray("groups");
        for (String file : RULE_FILES) {
            Repository.yaml(file).path("groups").forEach(groups::add);
        }
        return rule;
    }

    @Test
    void the_prometheus_rule_holds_exactly_the_groups_of_the_rule_files() throws IOException {
        ObjectNode expected = fromRuleFiles();
        if (Boolean.getBoolean("deploy.regenerate")) {
            Files.writeString(Repository.path(RULE), "# Generated from " + String.join(" and ", RULE_FILES)
                    + " by deploy/src/test PrometheusRuleTest\n# (-Ddeploy.regenerate=true); do not edit: edit the rule files.\n"
                    + Repository.YAML.writeValueAsString(expected).replaceFirst("^---\n", ""));
        }
        JsonNode committed = Repository.yaml(RULE);
        assertThat(committed).as("%s differs from the rule files; regenerate it (see this test's comment)", RULE).isEqualTo(expected);
    }

    @Test
    void the_rule_files_are_the_ones_prometheus_loads() {
        List<String> loaded = textList(Repository.yaml("deploy/prometheus/prometheus-local.yml").path("rule_files"));
        assertThat(loaded).containsExactlyElementsOf(RULE_FILES.stream().map(f -> "rules/" + Path.of(f).getFileName()).toList());
    }

    private static List<String> textList(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
