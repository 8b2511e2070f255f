package nl.doorstroom.local;

import nl.doorstroom.infrastructure.LocalKafka;
import nl.doorstroom.infrastructure.LocalPostgres;
import nl.doorstroom.infrastructure.PostgresDatabases;
import nl.doorstroom.local.scenario.HistoricalScenario;
import nl.doorstroom.local.scenario.ScenarioLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine. Without {@code DOORSTROOM_POSTGRES_URL} it starts a real PostgreSQL (durable:
 * fsync and synchronous_commit on) with its data under {@code ./data/postgres}; without
 * {@code DOORSTROOM_KAFKA_BOOTSTRAP_SERVERS} a real Kafka broker in KRaft mode under {@code ./data/kafka}. Then it
 * runs every service's own executable jar as a process of its own, on its fixed port, as it would be deployed.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** The services in port order after the gateway (8080 → capacity 8081 … deadline 8084), with their jars. */
    static final List<String> SERVICES = List.of("capacity", "housing", "finance", "deadline");
    /** The development token issuer, started first unless an external issuer is configured. */
    static final String ISSUER = "token-issuer";

    /**
     * @param dataDirectory  where the embedded PostgreSQL and Kafka keep their data, and the services their logs
     * @param servicesDirectory where the services' executable jars are ({@code local-stack/target/services})
     * @param postgresUrl    an external PostgreSQL server (JDBC URL without database), or null to start one
     * @param kafkaBootstrap external Kafka bootstrap servers, or null to start a broker
     * @param gatewayPort    the gateway's port; the services take the next four
     * @param durable        false only in tests: the embedded PostgreSQL then runs without fsync
     * @param tokenIssuer    an external OAuth2 issuer, or null to start the development token issuer on {@code issuerPort}
     */
    public record Settings(Path dataDirectory, Path servicesDirectory, String postgresUrl, String postgresUser,
                           String postgresPassword, String kafkaBootstrap, int gatewayPort, int embeddedPostgresPort,
                           int embeddedKafkaPort, boolean durable, Map<String, String> extraProperties,
                           String tokenIssuer, int issuerPort) {

        public static Settings fromEnvironment() {
            Map<String, String> env = System.getenv();
            return new Settings(Path.of(env.getOrDefault("DOORSTROOM_DATA", "data")), defaultServicesDirectory(),
                    env.get("DOORSTROOM_POSTGRES_URL"), env.getOrDefault("DOORSTROOM_POSTGRES_USER", LocalPostgres.USER),
                    env.getOrDefault("DOORSTROOM_POSTGRES_PASSWORD", ""), env.get("DOORSTROOM_KAFKA_BOOTSTRAP_SERVERS"),
                    Integer.parseInt(env.getOrDefault("DOORSTROOM_GATEWAY_PORT", "8080")), 54320, 9092, true, Map.of(),
                    env.get("DOORSTROOM_TOKEN_ISSUER"), Integer.parseInt(env.getOrDefault("DOORSTROOM_TOKEN_ISSUER_PORT", "9000")));
        }

        /** The same settings with more properties for every service and the gateway. */
        public Settings withExtraProperties(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(extraProperties);
            all.putAll(more);
            return new Settings(dataDirectory, servicesDirectory, postgresUrl, postgresUser, postgresPassword, kafkaBootstrap,
                    gatewayPort, embeddedPostgresPort, embeddedKafkaPort, durable, Map.copyOf(all), tokenIssuer, issuerPort);
        }

        /** The issuer every service and the gateway trust: the external one, or the development issuer of the stack. */
        public String issuerUrl() {
            return tokenIssuer != null ? tokenIssuer : "http://localhost:" + issuerPort;
        }

        public int port(String service) {
            return gatewayPort + 1 + SERVICES.indexOf(service);
        }

        public String url(String service) {
            return "http://localhost:" + (service.equals("gateway") ? gatewayPort : port(service));
        }

        /** Beside the launcher jar ({@code local-stack/target/services}) unless DOORSTROOM_SERVICES_DIR says otherwise. */
        static Path defaultServicesDirectory() {
            String configured = System.getenv("DOORSTROOM_SERVICES_DIR");
            if (configured != null) {
                return Path.of(configured);
            }
            String classPath = System.getProperty("java.class.path", "");
            if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
                return Path.of(classPath).toAbsolutePath().getParent().resolve("services");
            }
            return Path.of("local-stack", "target", "services");
        }
    }

    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** Processes that write their class-data archive when they exit, with that archive (ClassData). */
    private final Map<Process, Path> dumpingClassData = new java.util.HashMap<>();
    private final boolean classData = ClassData.enabled();
    private volatile boolean closing;
    private String kafkaBootstrapServers;
    private String postgresUrl;
    private final Map<String, Integer> instances;

    private LocalStack(Map<String, Integer> instances) {
        this.instances = instances;
    }

    /**
     * How many instances of each service to start, from {@code DOORSTROOM_INSTANCES}: a number for every service
     * ({@code 2}) or per service ({@code capacity=2,housing=3}); one of each when unset. They share the service's
     * database and Kafka consumer groups; the gateway balances over them.
     */
    public static Map<String, Integer> instances(String setting) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        SERVICES.forEach(service -> counts.put(service, 1));
        if (setting == null || setting.isBlank()) {
            return counts;
        }
        for (String part : setting.split(",")) {
            String[] pair = part.trim().split("=");
            if (pair.length == 1) {
                SERVICES.forEach(service -> counts.put(service, count(setting, pair[0])));
            } else if (pair.length == 2 && SERVICES.contains(pair[0].trim())) {
                counts.put(pair[0].trim(), count(setting, pair[1]));
            } else {
                throw new IllegalArgumentException("DOORSTROOM_INSTANCES=" + setting + ": expected a number, or service=number"
                        + " for the services " + SERVICES);
            }
        }
        return counts;
    }

    private static int count(String setting, String number) {
        try {
            int count = Integer.parseInt(number.trim());
            if (count >= 1 && count <= 9) {
                return count;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("DOORSTROOM_INSTANCES=" + setting + ": an instance count is 1 to 9");
    }

    /** The port of a service's instance (1, 2, ...): the service's own port, then 100 higher for each next one. */
    public static int port(Settings settings, String service, int instance) {
        return settings.port(service) + 100 * (instance - 1);
    }

    /** The process name of a service's instance: {@code capacity-service}, then {@code capacity-service-2}, ... */
    public static String processName(String service, int instance) {
        return service + "-service" + (instance == 1 ? "" : "-" + instance);
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Settings settings = Settings.fromEnvironment();
        ScenarioLoader.Clock scenarioClock = null;
        String scenario = System.getenv("DOORSTROOM_SCENARIO");
        if (scenario != null) {
            if (!scenario.equals("historical")) {
                System.err.println("DOORSTROOM_SCENARIO: the one scenario there is, is 'historical'");
                System.exit(2);
            }
            // the business clock stands at the scenario's start until the stack is (very likely) up, then runs
            scenarioClock = new ScenarioLoader.Clock(HistoricalScenario.START,
                    Instant.now().plusSeconds(Long.parseLong(System.getenv().getOrDefault("DOORSTROOM_CLOCK_WARMUP", "150"))),
                    Double.parseDouble(System.getenv().getOrDefault("DOORSTROOM_CLOCK_SPEED", "100000")));
            settings = settings.withExtraProperties(scenarioClock.properties());
        }
        LocalStack stack = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "doorstroom-shutdown"));
        System.out.printf("%nDoorstroom is ready in %d s: gateway %s (capacity %d, housing %d, finance %d, deadline %d), "
                        + "tokens from %s; logs in %s%n%n",
                (System.nanoTime() - started) / 1_000_000_000, settings.url("gateway"), settings.port("capacity"),
                settings.port("housing"), settings.port("finance"), settings.port("deadline"), settings.issuerUrl(),
                settings.dataDirectory().resolve("logs").toAbsolutePath());
        Settings running = settings;
        stack.instances.forEach((service, count) -> {
            if (count > 1) {
                System.out.printf("%s runs %d instances, on %s%n", service, count, String.join(", ", stack.instanceUrls(running, service)));
            }
        });
        if (scenarioClock != null) {
            System.out.printf("Loading the historical scenario: business time %s from %s, %.0f times as fast (docs/scenario.md)%n",
                    scenarioClock.start(), scenarioClock.wallStart(), scenarioClock.speed());
            ScenarioLoader.Report report;
            try {
                report = new ScenarioLoader(settings.url("gateway"), settings.issuerUrl(), stack.kafkaBootstrapServers(),
                        scenarioClock).load(ScenarioLoader.read(ScenarioLoader.HISTORICAL));
            } catch (RuntimeException e) {
                System.err.println("The scenario stopped: " + e.getMessage() + "; stopping the stack");
                stack.close();
                System.exit(1);
                return;
            }
            System.out.printf("Scenario loaded: %d calls through the gateway, %d COA and IND messages; at worst %s behind "
                    + "the business clock (step %s). The clock runs on.%n", report.httpSteps(), report.kafkaSteps(),
                    report.worstBusinessDelay(), report.worstStep());
        }
        stack.awaitAnyExit();
    }

    public static LocalStack start(Settings settings) {
        return start(settings, instances(System.getenv("DOORSTROOM_INSTANCES")));
    }

    public static LocalStack start(Settings settings, Map<String, Integer> instances) {
        LocalStack stack = new LocalStack(instances);
        try {
            stack.startAll(settings);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Settings settings) {
        String postgresUrl = settings.postgresUrl();
        if (postgresUrl == null) {
            LocalPostgres postgres = LocalPostgres.start(settings.dataDirectory().resolve("postgres"),
                    settings.embeddedPostgresPort(), settings.durable());
            running.add(postgres);
            postgresUrl = "jdbc:postgresql://localhost:" + postgres.port();
            log.info("embedded PostgreSQL at {} (fsync={}, synchronous_commit={}), data in {}", postgresUrl,
                    postgres.setting("fsync"), postgres.setting("synchronous_commit"),
                    settings.dataDirectory().resolve("postgres").toAbsolutePath());
        }
        this.postgresUrl = postgresUrl;
        PostgresDatabases.ensure(postgresUrl, settings.postgresUser(), settings.postgresPassword(),
                SERVICES.stream().map(s -> "doorstroom_" + s).toList());
        String kafkaBootstrap = settings.kafkaBootstrap();
        if (kafkaBootstrap == null) {
            LocalKafka kafka = LocalKafka.start(settings.dataDirectory().resolve("kafka"), settings.embeddedKafkaPort());
            running.add(kafka);
            kafkaBootstrap = kafka.bootstrapServers();
            log.info("embedded Kafka (KRaft) at {}, data in {}", kafkaBootstrap, kafka.logDirectory());
        }
        this.kafkaBootstrapServers = kafkaBootstrap;
        if (classData) {
            List<String> names = new ArrayList<>(SERVICES.stream().map(s -> s + "-service").toList());
            names.addAll(List.of("gateway", ISSUER));
            ClassData.extractAll(settings.servicesDirectory(), names);
        }
        if (settings.tokenIssuer() == null) {
            launch(settings, ISSUER, List.of("--server.port=" + settings.issuerPort(), "--doorstroom.issuer.url=" + settings.issuerUrl(),
                    "--doorstroom.issuer.key-file=" + settings.dataDirectory().resolve("token-issuer").resolve("signing-key.json").toAbsolutePath()));
        }
        for (String service : SERVICES) {
            for (int instance = 1; instance <= instances.get(service); instance++) {
                List<String> args = new ArrayList<>(List.of(
                        "--server.port=" + port(settings, service, instance),
                        "--doorstroom.postgres.url=" + postgresUrl,
                        "--doorstroom.postgres.user=" + settings.postgresUser(),
                        "--doorstroom.postgres.password=" + settings.postgresPassword(),
                        "--doorstroom.kafka.bootstrap-servers=" + kafkaBootstrap,
                        "--doorstroom.security.issuer-uri=" + settings.issuerUrl()));
                settings.extraProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
                launch(settings, service + "-service", processName(service, instance), args);
            }
        }
        List<String> gatewayArgs = new ArrayList<>(List.of("--server.port=" + settings.gatewayPort(),
                "--doorstroom.security.issuer-uri=" + settings.issuerUrl()));
        for (String service : SERVICES) {
            gatewayArgs.add("--doorstroom.gateway." + service + "-url=" + String.join(",", instanceUrls(settings, service)));
        }
        settings.extraProperties().forEach((k, v) -> gatewayArgs.add("--" + k + "=" + v));
        launch(settings, "gateway", gatewayArgs);
        awaitReady(settings);
    }

    private List<String> instanceUrls(Settings settings, String service) {
        List<String> urls = new ArrayList<>();
        for (int instance = 1; instance <= instances.get(service); instance++) {
            urls.add("http://localhost:" + port(settings, service, instance));
        }
        return urls;
    }

    private void launch(Settings settings, String name, List<String> args) {
        launch(settings, name, name, args);
    }

    /** Starts the jar {@code jarName} as the process {@code name} (a second instance has a name of its own). */
    private void launch(Settings settings, String jarName, String name, List<String> args) {
        Path jar = settings.servicesDirectory().resolve(jarName + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing; build first: ./mvnw -DskipTests install");
        }
        try {
            Path logs = Files.createDirectories(settings.dataDirectory().resolve("logs"));
            List<String> command = new ArrayList<>(List.of(javaExecutable()));
            command.addAll(jvmOptions());
            ClassData classData = this.classData ? ClassData.of(settings.servicesDirectory(), jarName) : null;
            if (classData != null && classData.dumpsAtExit() && !name.equals(jarName)) {
                classData = null; // the first instance writes the archive; two writers would spoil it
            }
            if (classData != null) {
                command.addAll(classData.options());
                command.addAll(List.of("-jar", classData.jar().toString()));
            } else {
                command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            }
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logs.resolve(name + ".log").toFile()));
            // glibc gives each busy thread an arena of its own; two keep a JVM's native memory small (docs/benchmarks.md)
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            Process process = builder.start();
            processes.put(name, process);
            if (classData != null && classData.dumpsAtExit()) {
                dumpingClassData.put(process, classData.archive());
            }
            log.info("started {} (pid {}), log in {}", name, process.pid(), logs.resolve(name + ".log").toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    private void awaitReady(Settings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        List<String> waiting = new ArrayList<>();
        SERVICES.forEach(service -> waiting.addAll(instanceUrls(settings, service)));
        waiting.add(settings.url("gateway"));
        if (settings.tokenIssuer() == null) {
            waiting.add(settings.issuerUrl());
        }
        while (!waiting.isEmpty()) {
            for (var entry : processes.entrySet()) {
                if (!entry.getValue().isAlive()) {
                    throw new IllegalStateException(entry.getKey() + " stopped with exit code " + entry.getValue().exitValue()
                            + "; see " + settings.dataDirectory().resolve("logs").resolve(entry.getKey() + ".log").toAbsolutePath());
                }
            }
            waiting.removeIf(url -> ready(http, url + "/actuator/health/readiness"));
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after 5 minutes: " + waiting);
            }
            sleep(500);
        }
    }

    private static boolean ready(HttpClient http, String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops one service (e.g. {@code housing-service}, {@code gateway}), as an outage would; the rest runs on. */
    public synchronized void stop(String name) {
        Process process = processes.remove(name);
        if (process == null) {
            throw new IllegalArgumentException("not running: " + name);
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The PostgreSQL server the stack runs on (JDBC URL without database), embedded or external. */
    public String postgresUrl() {
        return postgresUrl;
    }

    /** The Kafka the stack runs on, embedded or external. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    private void awaitAnyExit() {
        while (closing || processes.values().stream().allMatch(Process::isAlive)) {
            if (closing) {
                return;
            }
            sleep(1000);
        }
        processes.forEach((name, p) -> {
            if (!p.isAlive()) {
                System.err.println(name + " stopped with exit code " + p.exitValue() + "; stopping the stack");
            }
        });
        close();
        System.exit(1);
    }

    /** Stops the gateway and services first (gracefully, within 90 s together, then forcibly), then Kafka and PostgreSQL. */
    @Override
    public synchronized void close() {
        closing = true;
        List<Process> reversed = new ArrayList<>(processes.values());
        Collections.reverse(reversed);
        reversed.forEach(Process::destroy);
        // together, not one after the other: a JVM writing its class-data archive on the way out takes half a minute
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (Process p : reversed) {
            try {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                    forgetClassData(p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                forgetClassData(p);
            }
        }
        processes.clear();
        dumpingClassData.clear();
        List<AutoCloseable> infrastructure = new ArrayList<>(running);
        Collections.reverse(infrastructure);
        for (AutoCloseable part : infrastructure) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("while stopping {}: {}", part, e.getMessage());
            }
        }
        running.clear();
    }

    /**
     * The services' JVM options: DOORSTROOM_JAVA_OPTS when set (e.g. to record a profile with
     * -XX:StartFlightRecording), else the measured defaults (docs/benchmarks.md).
     */
    static List<String> jvmOptions() {
        String configured = System.getenv("DOORSTROOM_JAVA_OPTS");
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.trim().split("\\s+"));
        }
        return DEFAULT_JVM_OPTIONS;
    }

    /** A JVM killed while it wrote its class-data archive leaves half a file; the next start makes a new one. */
    private void forgetClassData(Process process) {
        Path archive = dumpingClassData.get(process);
        if (archive != null) {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                log.warn("could not delete {}: {}", archive, e.getMessage());
            }
        }
    }

    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
