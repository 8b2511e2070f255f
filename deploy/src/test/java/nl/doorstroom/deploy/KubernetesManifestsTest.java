package nl.doorstroom.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/kubernetes, as kustomize renders each overlay, loaded with fabric8's Kubernetes models. Rendering needs
 * kubectl (its built-in kustomize); without it only the files themselves are loaded (the first test) and the
 * rest is reported skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    /** The custom resources used, by apiVersion and kind; anything else must be a kind fabric8 knows. */
    private static final Set<String> CUSTOM_RESOURCES = Set.of(
            "kafka.strimzi.io/v1beta2 Kafka", "kafka.strimzi.io/v1beta2 KafkaNodePool", "kafka.strimzi.io/v1beta2 KafkaTopic",
            "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io/v1 Database",
            "monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com/v1 PrometheusRule");
    /** The development token issuer is for the local stack and Compose; on Kubernetes the services trust the organisation's issuer. */
    private static final Set<String> NOT_ON_KUBERNETES = Set.of("token-issuer");

    private final Map<String, List<HasMetadata>> overlays = new HashMap<>();

    @BeforeAll
    void render() {
        if (Manifests.kubectl() != null) {
            for (String overlay : List.of("small", "production")) {
                overlays.put(overlay, Manifests.render(overlay));
            }
        }
    }

    private List<HasMetadata> overlay(String name) {
        assumeTrue(Manifests.kubectl() != null, "kubectl (kustomize) is not on this machine: the overlays were not rendered");
        return overlays.get(name);
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<GenericKubernetesResource> custom(List<HasMetadata> resources, String kind) {
        return all(resources, GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    private static Set<String> deployedOnKubernetes() {
        Set<String> names = new TreeSet<>();
        DeployedModules.all().stream().map(DeployedModules.Module::name).filter(n -> !NOT_ON_KUBERNETES.contains(n)).forEach(names::add);
        return names;
    }

    @Test
    void every_file_of_the_base_and_overlays_is_kubernetes_a_model_knows() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repository.path("deploy/kubernetes"))) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            List<HasMetadata> resources = Manifests.file(file);
            assertThat(resources).as("%s", file).isNotEmpty();
            resources.forEach(resource -> assertKnown(resource, file.toString()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void every_kind_and_api_version_is_known(String name) {
        List<HasMetadata> resources = overlay(name);
        resources.forEach(resource -> assertKnown(resource, name));
        assertThat(resources).allSatisfy(r -> assertThat(r.getMetadata().getNamespace() == null ? "doorstroom" : r.getMetadata().getNamespace())
                .isEqualTo("doorstroom"));
    }

    private static void assertKnown(HasMetadata resource, String where) {
        String id = resource.getApiVersion() + " " + resource.getKind();
        if (resource instanceof GenericKubernetesResource) {
            assertThat(CUSTOM_RESOURCES).as("%s in %s: neither a Kubernetes kind nor a custom resource used here", id, where).contains(id);
        } else {
            assertThat(Manifests.SERIALIZATION.getRegisteredKubernetesResource(resource.getApiVersion(), resource.getKind()))
                    .as("%s in %s", id, where).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void every_deployed_module_runs_at_least_twice_with_probes_on_the_actuator_and_resources(String name) {
        List<Deployment> deployments = all(overlay(name), Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(deployedOnKubernetes());
        for (Deployment deployment : deployments) {
            String app = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getReplicas()).as("replicas of %s", app).isGreaterThanOrEqualTo(2);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(httpPath(container.getReadinessProbe())).as("readiness of %s", app).isEqualTo("/actuator/health/readiness");
            assertThat(httpPath(container.getLivenessProbe())).as("liveness of %s", app).isEqualTo("/actuator/health/liveness");
            int port = DeployedModules.named(app).port();
            assertThat(container.getPorts()).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(port);
            });
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
            assertThat(container.getResources().getRequests()).as("requests of %s", app).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as("limits of %s", app).containsKey("memory");
            assertThat(container.getImage()).endsWith("/doorstroom/" + app + ":0.1.0-SNAPSHOT");
        }
    }

    private static String httpPath(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void every_deployment_has_a_disruption_budget_an_autoscaler_and_a_service(String name) {
        List<HasMetadata> resources = overlay(name);
        for (Deployment deployment : all(resources, Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            String app = deployment.getMetadata().getName();
            assertThat(all(resources, PodDisruptionBudget.class)).as("PDB of %s", app).anySatisfy(pdb -> {
                assertThat(labels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
                assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isLessThan(deployment.getSpec().getReplicas());
            });
            assertThat(all(resources, HorizontalPodAutoscaler.class)).as("HPA of %s", app).anySatisfy(hpa -> {
                assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
                assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(app);
                assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
                assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            });
            assertThat(all(resources, Service.class)).as("Service of %s", app).anySatisfy(service -> {
                assertThat(service.getMetadata().getName()).isEqualTo(app);
                assertThat(labels).containsAllEntriesOf(service.getSpec().getSelector());
                assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(DeployedModules.named(app).port());
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void every_environment_variable_a_module_reads_is_set_from_a_config_map_or_a_secret(String name) {
        List<HasMetadata> resources = overlay(name);
        Map<String, ConfigMap> configMaps = new HashMap<>();
        all(resources, ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(), c));
        for (Deployment deployment : all(resources, Deployment.class)) {
            String app = deployment.getMetadata().getName();
            List<EnvVar> env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            Map<String, EnvVar> byName = new HashMap<>();
            env.forEach(e -> byName.put(e.getName(), e));
            assertThat(byName.keySet()).as("environment of %s", app).containsAll(DeployedModules.named(app).environment().keySet());
            for (EnvVar variable : env) {
                assertThat(variable.getValue()).as("%s of %s is given by reference, not written in", variable.getName(), app).isNull();
                var from = variable.getValueFrom();
                if (from.getConfigMapKeyRef() != null) {
                    ConfigMap map = configMaps.get(from.getConfigMapKeyRef().getName());
                    assertThat(map).as("ConfigMap of %s", variable.getName()).isNotNull();
                    assertThat(map.getData()).as("%s of %s", variable.getName(), app).containsKey(from.getConfigMapKeyRef().getKey());
                } else {
                    assertThat(from.getSecretKeyRef()).as("%s of %s", variable.getName(), app).isNotNull();
                }
            }
            for (String secret : List.of("DOORSTROOM_POSTGRES_USER", "DOORSTROOM_POSTGRES_PASSWORD")) {
                if (byName.containsKey(secret)) {
                    assertThat(byName.get(secret).getValueFrom().getSecretKeyRef()).as("%s of %s", secret, app).isNotNull();
                }
            }
        }
        assertThat(all(resources, Secret.class)).as("no Secret is written in these files").isEmpty();
        assertThat(configMaps.get("doorstroom-config").getData()).allSatisfy((key, value) ->
                assertThat(key).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void every_topic_and_dead_letter_topic_of_the_asyncapi_document_is_one_kafka_topic(String name) {
        List<HasMetadata> resources = overlay(name);
        Map<String, Map<String, Object>> topics = new HashMap<>();
        List<String> declared = new ArrayList<>();
        for (GenericKubernetesResource topic : custom(resources, "KafkaTopic")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) topic.getAdditionalProperties().get("spec");
            topics.put((String) spec.get("topicName"), spec);
            declared.add((String) spec.get("topicName"));
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "doorstroom");
        }
        // the contract integrators read is the list; AsyncApiDocumentTest holds the document to the code's topics
        assertThat(declared).as("one KafkaTopic per channel of " + Topics.ASYNCAPI_DOCUMENT)
                .containsExactlyInAnyOrderElementsOf(Topics.ofTheAsyncApiDocument());
        String partitions = all(resources, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("doorstroom-config"))
                .findFirst().orElseThrow().getData().get("DOORSTROOM_PARTITIONS");
        topics.forEach((topic, spec) -> assertThat(spec.get("partitions")).as("partitions of %s: as the services declare them", topic)
                .isEqualTo(Integer.parseInt(partitions)));
        // Spring Kafka's dead-letter recoverer sends to the record's own partition number on the DLT
        for (String dlt : Topics.deadLetterOfTheAsyncApiDocument()) {
            String source = dlt.substring(0, dlt.length() - Topics.DEAD_LETTER_SUFFIX.length());
            assertThat((Integer) topics.get(dlt).get("partitions")).isGreaterThanOrEqualTo((Integer) topics.get(source).get("partitions"));
        }
        if (name.equals("production")) {
            topics.forEach((topic, spec) -> {
                assertThat(spec.get("replicas")).as("replicas of %s", topic).isEqualTo(3);
                assertThat(((Map<?, ?>) spec.get("config")).get("min.insync.replicas")).as("min.insync.replicas of %s", topic).isEqualTo("2");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void kafka_runs_in_kraft_node_pools_and_postgres_has_a_database_per_service(String name) {
        List<HasMetadata> resources = overlay(name);
        GenericKubernetesResource kafka = custom(resources, "Kafka").get(0);
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/node-pools", "enabled").containsEntry("strimzi.io/kraft", "enabled");
        List<GenericKubernetesResource> pools = custom(resources, "KafkaNodePool");
        Set<String> roles = new TreeSet<>();
        int brokers = 0;
        for (GenericKubernetesResource pool : pools) {
            assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
            List<String> poolRoles = pool.get("spec", "roles");
            roles.addAll(poolRoles);
            if (poolRoles.contains("broker")) {
                brokers += (Integer) pool.get("spec", "replicas");
            }
        }
        assertThat(roles).containsExactlyInAnyOrder("broker", "controller");
        if (name.equals("production")) {
            assertThat(brokers).isGreaterThanOrEqualTo(3);
            Map<String, Object> config = kafka.get("spec", "kafka", "config");
            assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                    .containsEntry("offsets.topic.replication.factor", 3);
        }
        // the bootstrap address the services are given is Strimzi's Service of this Kafka
        String bootstrap = configValue(resources, "DOORSTROOM_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(bootstrap).isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:9092");

        GenericKubernetesResource cluster = custom(resources, "Cluster").get(0);
        assertThat(configValue(resources, "DOORSTROOM_POSTGRES_URL")).isEqualTo("jdbc:postgresql://" + cluster.getMetadata().getName() + "-rw:5432");
        List<Map<String, Object>> roles2 = cluster.get("spec", "managed", "roles");
        Map<String, String> roleSecrets = new HashMap<>();
        roles2.forEach(r -> roleSecrets.put((String) r.get("name"), (String) ((Map<?, ?>) r.get("passwordSecret")).get("name")));
        Map<String, String> databases = new HashMap<>();
        for (GenericKubernetesResource database : custom(resources, "Database")) {
            assertThat((String) database.get("spec", "cluster", "name")).isEqualTo(cluster.getMetadata().getName());
            databases.put(database.get("spec", "name"), database.get("spec", "owner"));
        }
        for (Deployment deployment : all(resources, Deployment.class)) {
            String app = deployment.getMetadata().getName();
            if (!DeployedModules.named(app).environment().containsValue("doorstroom.postgres.url")) {
                continue;
            }
            String service = app.replace("-service", "");
            String owner = databases.get("doorstroom_" + service);
            assertThat(owner).as("the database of %s", app).isNotNull();
            // the service logs in as the database's owner, with the Secret CloudNativePG sets that role's password from
            EnvVar password = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("DOORSTROOM_POSTGRES_PASSWORD")).findFirst().orElseThrow();
            assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo(roleSecrets.get(owner));
        }
        if (name.equals("production")) {
            assertThat((Integer) cluster.get("spec", "instances")).isGreaterThanOrEqualTo(3);
        }
    }

    private static String configValue(List<HasMetadata> resources, String key) {
        return all(resources, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("doorstroom-config"))
                .findFirst().orElseThrow().getData().get(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void only_the_gateway_is_open_and_the_services_accept_the_gateway_and_prometheus(String name) {
        List<HasMetadata> resources = overlay(name);
        List<NetworkPolicy> policies = all(resources, NetworkPolicy.class);
        assertThat(policies).as("a default deny of ingress").anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
        List<String> open = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                boolean fromAnywhere = rule.getFrom() == null || rule.getFrom().isEmpty()
                        || rule.getFrom().stream().anyMatch(peer -> peer.getIpBlock() != null);
                if (fromAnywhere) {
                    open.add(policy.getSpec().getPodSelector().getMatchLabels().toString());
                }
            }
        }
        assertThat(open).as("pods open to any source").containsExactly("{app=gateway}");

        Deployment capacity = all(resources, Deployment.class).stream().filter(d -> d.getMetadata().getName().equals("capacity-service")).findFirst().orElseThrow();
        Map<String, String> serviceLabels = capacity.getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicyPeer> admitted = new ArrayList<>();
        List<NetworkPolicyPeer> reachable = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            if (!serviceLabels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet())) {
                continue;
            }
            policy.getSpec().getIngress().forEach(rule -> admitted.addAll(rule.getFrom()));
            policy.getSpec().getEgress().forEach(rule -> reachable.addAll(rule.getTo()));
        }
        assertThat(admitted).extracting(peer -> describe(peer)).containsExactlyInAnyOrder(
                "pods {app=gateway}", "pods {app.kubernetes.io/name=prometheus} in {kubernetes.io/metadata.name=monitoring}");
        assertThat(reachable).extracting(peer -> describe(peer)).contains(
                "pods {strimzi.io/broker-role=true, strimzi.io/cluster=doorstroom}", "pods {cnpg.io/cluster=doorstroom-postgres}");
        // the services' ingress matches each service's pods: every deployed service carries the selected labels
        for (Deployment deployment : all(resources, Deployment.class)) {
            String tier = deployment.getSpec().getTemplate().getMetadata().getLabels().get("doorstroom.nl/tier");
            assertThat(tier).isEqualTo(deployment.getMetadata().getName().equals("gateway") ? "gateway" : "service");
        }
        GenericKubernetesResource kafka = custom(resources, "Kafka").get(0);
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        assertThat(listeners).allSatisfy(listener -> assertThat(listener.get("networkPolicyPeers")).as("Strimzi's listener policy").isNotNull());
    }

    private static String describe(NetworkPolicyPeer peer) {
        String pods = peer.getPodSelector() == null ? "any pods" : "pods " + new java.util.TreeMap<>(peer.getPodSelector().getMatchLabels());
        return peer.getNamespaceSelector() == null ? pods : pods + " in " + peer.getNamespaceSelector().getMatchLabels();
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void prometheus_scrapes_every_deployment_as_the_rules_expect_and_gets_the_rules(String name) {
        List<HasMetadata> resources = overlay(name);
        GenericKubernetesResource monitor = custom(resources, "ServiceMonitor").get(0);
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        String jobLabel = monitor.get("spec", "jobLabel");
        List<String> targetLabels = monitor.get("spec", "targetLabels");
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertThat(endpoints).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("path", "/actuator/prometheus").containsEntry("port", "http");
        });
        assertThat(targetLabels).contains("app");
        for (Deployment deployment : all(resources, Deployment.class)) {
            String app = deployment.getMetadata().getName();
            Service service = all(resources, Service.class).stream().filter(s -> s.getMetadata().getName().equals(app)).findFirst().orElseThrow();
            assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selector).containsEntry("app", app);
            // the jobs of prometheus-local.yml; ServiceDown asks for job=~"doorstroom-.*"
            assertThat(service.getMetadata().getLabels().get(jobLabel)).isEqualTo(app.equals("gateway") ? "doorstroom-gateway" : "doorstroom-services");
        }
        GenericKubernetesResource rule = custom(resources, "PrometheusRule").get(0);
        assertThat(Manifests.SERIALIZATION.convertValue(rule.getAdditionalProperties().get("spec"), Map.class))
                .isEqualTo(Repository.YAML.convertValue(PrometheusRuleTest.fromRuleFiles().path("spec"), Map.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void every_dashboard_is_a_config_map_for_grafana(String name) throws IOException {
        List<ConfigMap> configMaps = all(overlay(name), ConfigMap.class);
        List<Path> dashboards;
        try (Stream<Path> list = Files.list(Repository.path("deploy/grafana/dashboards"))) {
            dashboards = list.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertThat(dashboards).hasSize(5);
        for (Path dashboard : dashboards) {
            String file = dashboard.getFileName().toString();
            assertThat(configMaps).as("ConfigMap of %s", file).anySatisfy(map -> {
                assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
                assertThat(map.getData()).containsEntry(file, Files.readString(dashboard));
            });
        }
        ConfigMap datasource = configMaps.stream().filter(c -> "1".equals(c.getMetadata().getLabels().get("grafana_datasource"))).findFirst().orElseThrow();
        assertThat(datasource.getData().values().iterator().next()).contains("uid: doorstroom-prometheus");
    }
}
