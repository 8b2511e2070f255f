package nl.doorstroom.infrastructure;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Three real Kafka nodes in KRaft mode inside this JVM, each a broker and a voter of one three-voter controller
 * quorum, with the settings of a production cluster: replication factor 3 and {@code min.insync.replicas} 2 for
 * every topic, the internal ones too. One node can be stopped (and started again) to show what a lost broker does.
 * For tests only: the log directories are temporary.
 */
public final class LocalKafkaCluster implements AutoCloseable {

    public static final int SIZE = 3;
    public static final int REPLICATION_FACTOR = 3;
    public static final int MIN_INSYNC_REPLICAS = 2;

    private final Path directory;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Map<Integer, Integer> brokerPorts = new LinkedHashMap<>();
    private final Map<Integer, Integer> controllerPorts = new LinkedHashMap<>();
    private final Map<Integer, KafkaRaftServer> running = new LinkedHashMap<>();

    private LocalKafkaCluster(Path directory) throws IOException {
        this.directory = directory;
        for (int node = 1; node <= SIZE; node++) {
            brokerPorts.put(node, freePort());
            controllerPorts.put(node, freePort());
        }
    }

    /**
     * The ports are found free before the nodes bind them, and in between another socket can take one (a CI run
     * failed so: "Socket server failed to bind ... Address already in use"). A cluster that could not bind is
     * stopped and started again on fresh ports, at most {@value #BIND_ATTEMPTS} times.
     */
    public static LocalKafkaCluster start() {
        for (int attempt = 1; ; attempt++) {
            LocalKafkaCluster cluster = null;
            try {
                cluster = new LocalKafkaCluster(Files.createTempDirectory("doorstroom-kafka-cluster"));
                LocalKafkaCluster starting = cluster;
                // each node's startup waits for a quorum, which needs two voters: start them together
                CompletableFuture.allOf(starting.brokerPorts.keySet().stream()
                        .map(node -> CompletableFuture.runAsync(() -> starting.startNode(node)))
                        .toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                cluster.awaitBrokers(SIZE);
                return cluster;
            } catch (Exception e) {
                if (cluster != null) {
                    cluster.close();
                }
                if (attempt >= BIND_ATTEMPTS || !portTaken(e)) {
                    throw new IllegalStateException("embedded Kafka cluster did not start", e);
                }
            }
        }
    }

    private static final int BIND_ATTEMPTS = 3;

    private static boolean portTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** Every node's address, as a client is given them so it can bootstrap while any one is down. */
    public String bootstrapServers() {
        return brokerPorts.values().stream().map(port -> "localhost:" + port).collect(Collectors.joining(","));
    }

    public List<Integer> nodes() {
        return List.copyOf(brokerPorts.keySet());
    }

    /** The node that leads the partition now, as the cluster's metadata says. */
    public int leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            Node leader = description.partitions().get(partition).leader();
            if (leader == null) {
                throw new IllegalStateException(topic + "-" + partition + " has no leader");
            }
            return leader.id();
        } catch (Exception e) {
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(e);
        }
    }

    /** Shuts the node down as an operator or a failing pod would (its leaderships move to the others); its data stays. */
    public synchronized void stop(int node) {
        KafkaRaftServer server = running.remove(node);
        if (server == null) {
            throw new IllegalStateException("node " + node + " is not running");
        }
        server.shutdown();
        server.awaitShutdown();
    }

    /** Starts a stopped node again on its ports and log directory; it catches up from the others. */
    public void restart(int node) {
        startNode(node);
        try {
            awaitBrokers(running.size());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized boolean isRunning(int node) {
        return running.containsKey(node);
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private void startNode(int node) {
        try {
            Path dir = directory.resolve("node-" + node);
            Files.createDirectories(dir);
            String voters = controllerPorts.entrySet().stream()
                    .map(e -> e.getKey() + "@localhost:" + e.getValue()).collect(Collectors.joining(","));
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", String.valueOf(node));
            props.put("controller.quorum.voters", voters);
            props.put("listeners", "PLAINTEXT://localhost:" + brokerPorts.get(node) + ",CONTROLLER://localhost:" + controllerPorts.get(node));
            props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPorts.get(node));
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", dir.toString());
            props.put("num.partitions", "3");
            props.put("default.replication.factor", String.valueOf(REPLICATION_FACTOR));
            props.put("min.insync.replicas", String.valueOf(MIN_INSYNC_REPLICAS));
            props.put("offsets.topic.replication.factor", String.valueOf(REPLICATION_FACTOR));
            props.put("offsets.topic.num.partitions", "3");
            props.put("transaction.state.log.replication.factor", String.valueOf(REPLICATION_FACTOR));
            props.put("transaction.state.log.min.isr", String.valueOf(MIN_INSYNC_REPLICAS));
            props.put("unclean.leader.election.enable", "false");
            props.put("group.initial.rebalance.delay.ms", "0");
            // topics are created by the services (KafkaAdmin), as in production; a typo must not create one
            props.put("auto.create.topics.enable", "false");
            props.put("log.retention.hours", "-1");
            KafkaConfig config = new KafkaConfig(props, false);
            if (!Files.exists(dir.resolve("meta.properties"))) {
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setClusterId(clusterId)
                        .setNodeId(node)
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setSupportedFeatures(Features.PRODUCTION_FEATURES)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(dir.toString())
                        .addDirectory(dir.toString())
                        .setIgnoreFormatted(true)
                        .run();
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            synchronized (this) {
                running.put(node, server);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka node " + node + " did not start", e);
        }
    }

    private void awaitBrokers(int expected) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = admin()) {
            while (admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size() < expected) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("fewer than " + expected + " brokers registered");
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        List<KafkaRaftServer> servers;
        synchronized (this) {
            servers = new ArrayList<>(running.values());
            running.clear();
        }
        // together: one at a time, the last broker's controlled shutdown would wait for a quorum already gone
        CompletableFuture.allOf(servers.stream().map(server -> CompletableFuture.runAsync(() -> {
            server.shutdown();
            server.awaitShutdown();
        })).toArray(CompletableFuture[]::new)).join();
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
