package nl.doorstroom.local.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a scenario into a running stack through its normal inbound paths: each step waits until the business clock
 * reaches its moment, then goes to the gateway with the token of the party that takes it, or to COA's and IND's topic
 * as a CloudEvent. A step that is not accepted stops the load: a scenario is a fact, not a best effort.
 */
public final class ScenarioLoader {

    /** The scenario of 26 August 2022 to 31 July 2023, shipped in the jar. */
    public static final String HISTORICAL = "/scenario/historical-2022-08-2023-07.ndjson";

    private static final Logger log = LoggerFactory.getLogger(ScenarioLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How many calls one service gets at once: more only queue up behind its aggregates and its gateway time-out.
     * Each service has workers of its own, so a burst of housing reports does not hold back a deadline met.
     */
    private static final int PER_SERVICE = 3;
    private static final String INBOUND_TOPICS = "inbound topics";
    private static final long SLOW_MILLIS = 1_000;
    private static final Duration AWAIT_OTHER_SERVICE = Duration.ofSeconds(60);
    private static final Pattern SAVED = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    /** Business time as every service of the stack reads it: {@code start} at {@code wallStart}, {@code speed} times as fast. */
    public record Clock(Instant start, Instant wallStart, double speed) {

        public Instant now() {
            Instant wall = Instant.now();
            if (wall.isBefore(wallStart)) {
                return start;
            }
            return start.plusMillis((long) (Duration.between(wallStart, wall).toMillis() * speed));
        }

        /** What every service of the stack is started with, so that they all read this business time. */
        public Map<String, String> properties() {
            return Map.of("doorstroom.clock.start", start.toString(), "doorstroom.clock.speed", String.valueOf(speed),
                    "doorstroom.clock.wall-start", wallStart.toString());
        }

        /** The wall-clock moment business time reaches {@code business}. */
        Instant wallAt(Instant business) {
            long businessMillis = Duration.between(start, business).toMillis();
            return wallStart.plusMillis((long) Math.ceil(Math.max(0, businessMillis) / speed));
        }
    }

    /** What a load did: steps sent, and how far behind the business clock the loader ran at worst, at which step. */
    public record Report(int httpSteps, int kafkaSteps, Duration worstBusinessDelay, String worstStep, Map<String, String> savedIds) {
    }

    private record Delay(Duration behind, String step) {
    }

    /**
     * Told of every answer the stack gives a step, retries included; the e2e tests check each against the published
     * OpenAPI documents. An {@link AssertionError} it throws refuses the step.
     */
    @FunctionalInterface
    public interface AnswerCheck {
        AnswerCheck NONE = (request, body, response) -> { };

        void check(HttpRequest request, String body, HttpResponse<String> response);
    }

    public static final class StepRefused extends RuntimeException {
        StepRefused(String message) {
            super(message);
        }
    }

    private final String gatewayUrl;
    private final String issuerUrl;
    private final String kafkaBootstrap;
    private final Clock clock;
    private final AnswerCheck answers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> saved = new ConcurrentHashMap<>();

    public ScenarioLoader(String gatewayUrl, String issuerUrl, String kafkaBootstrap, Clock clock) {
        this(gatewayUrl, issuerUrl, kafkaBootstrap, clock, AnswerCheck.NONE);
    }

    public ScenarioLoader(String gatewayUrl, String issuerUrl, String kafkaBootstrap, Clock clock, AnswerCheck answers) {
        this.gatewayUrl = gatewayUrl;
        this.issuerUrl = issuerUrl;
        this.kafkaBootstrap = kafkaBootstrap;
        this.clock = clock;
        this.answers = answers;
    }

    public static List<JsonNode> read(String resource) {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + resource + " on the class path");
            }
            List<JsonNode> steps = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    steps.add(JSON.readTree(line));
                }
            }
            return steps;
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + resource, e);
        }
    }

    /**
     * Sends each step when the business clock reaches it. Steps of one party at one service (or all COA and IND
     * messages) go one after the other, in order; different parties act side by side, and a step that names an id another step
     * creates waits for that step. A refused step stops the load.
     */
    public Report load(List<JsonNode> steps) {
        AtomicInteger httpSteps = new AtomicInteger();
        AtomicInteger kafkaSteps = new AtomicInteger();
        AtomicReference<Delay> worst = new AtomicReference<>(new Delay(Duration.ZERO, "none"));
        AtomicReference<RuntimeException> refused = new AtomicReference<>();
        Map<String, CompletableFuture<Void>> lanes = new HashMap<>();
        Map<String, CompletableFuture<Void>> creators = new HashMap<>();
        Map<String, ExecutorService> workers = new HashMap<>();
        Instant lastLogged = null;
        // every party's token before business time runs, so the issuer is not busy while the history plays
        steps.stream().filter(step -> step.has("as")).map(step -> step.get("as").asText()).distinct().forEach(this::token);
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < steps.size() && refused.get() == null; i++) {
                int index = i;
                JsonNode step = steps.get(i);
                Instant at = Instant.parse(step.get("at").asText());
                waitUntil(at);
                boolean message = step.has("topic");
                Matcher subject = message ? null : SAVED.matcher(step.get("post").asText());
                // one lane per party and service, and per created thing it acts on (each claim its own decision and
                // payment): the Rijk setting a taakstelling does not hold back the Rijk meeting a deadline
                String target = message ? INBOUND_TOPICS : step.get("post").asText().split("/")[2];
                String lane = message ? INBOUND_TOPICS
                        : step.get("as").asText() + "@" + target + (subject.find() ? "/" + subject.group(1) : "");
                String described = "%d (%s, %s %s)".formatted(index + 1, step.get("at").asText(), lane,
                        message ? step.get("type").asText() : step.get("post").asText());
                List<CompletableFuture<Void>> before = new ArrayList<>();
                before.add(lanes.getOrDefault(lane, CompletableFuture.completedFuture(null)));
                if (!message) {
                    Matcher ids = SAVED.matcher(step.get("post").asText());
                    while (ids.find()) {
                        CompletableFuture<Void> creator = creators.get(ids.group(1));
                        if (creator == null) {
                            throw new StepRefused("step %d refers to {%s}, which no earlier step creates".formatted(i + 1, ids.group(1)));
                        }
                        before.add(creator);
                    }
                }
                CompletableFuture<Void> done = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                        .thenRunAsync(() -> {
                            if (refused.get() != null) {
                                return;
                            }
                            try {
                                Delay delay = new Delay(Duration.between(at, clock.now()), described);
                                worst.accumulateAndGet(delay, (a, b) -> a.behind().compareTo(b.behind()) >= 0 ? a : b);
                                long started = System.nanoTime();
                                if (message) {
                                    send(producer, index, step);
                                    kafkaSteps.incrementAndGet();
                                } else {
                                    post(index, step);
                                    httpSteps.incrementAndGet();
                                }
                                long millis = (System.nanoTime() - started) / 1_000_000;
                                if (millis > SLOW_MILLIS) {
                                    log.warn("step {} took {} ms", described, millis);
                                }
                            } catch (RuntimeException e) {
                                refused.compareAndSet(null, e);
                            }
                        }, workers.computeIfAbsent(target, t -> Executors.newFixedThreadPool(t.equals(INBOUND_TOPICS) ? 1 : PER_SERVICE)));
                lanes.put(lane, done);
                if (step.has("saveAs")) {
                    creators.put(step.get("saveAs").asText(), done);
                }
                if (lastLogged == null || Duration.between(lastLogged, at).toDays() >= 30) {
                    log.info("scenario at {}: {} of {} steps", at, i + 1, steps.size());
                    lastLogged = at;
                }
            }
            CompletableFuture.allOf(lanes.values().toArray(CompletableFuture[]::new)).join();
        } finally {
            workers.values().forEach(ExecutorService::shutdownNow);
        }
        if (refused.get() != null) {
            throw refused.get();
        }
        return new Report(httpSteps.get(), kafkaSteps.get(), worst.get().behind(), worst.get().step(), Map.copyOf(saved));
    }

    private void waitUntil(Instant business) {
        long millis = Duration.between(Instant.now(), clock.wallAt(business)).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void post(int index, JsonNode step) {
        String client = step.get("as").asText();
        String path = resolve(step.get("post").asText());
        HttpResponse<String> response = postWithToken(client, path, step.get("body").toString());
        if (response.statusCode() == 401) {
            tokens.remove(client);
            response = postWithToken(client, path, step.get("body").toString());
        }
        for (int attempt = 0; response.statusCode() == 429 && attempt < 10; attempt++) {
            sleep(response.headers().firstValue("retry-after").map(s -> Long.parseLong(s) * 1000).orElse(1000L));
            response = postWithToken(client, path, step.get("body").toString());
        }
        // a step that needs another service to have heard of something (a claim naming a CNO location that finance
        // learns of from capacity's topic) is tried again for a while, as the party would
        long patience = System.nanoTime() + AWAIT_OTHER_SERVICE.toNanos();
        while (response.statusCode() == 422 && step.path("awaitsOtherService").asBoolean() && System.nanoTime() < patience) {
            sleep(500);
            response = postWithToken(client, path, step.get("body").toString());
        }
        if (response.statusCode() / 100 != 2) {
            throw new StepRefused("step %d (%s, as %s, POST %s) answered %d: %s".formatted(index + 1, step.get("at").asText(),
                    client, path, response.statusCode(), response.body()));
        }
        if (step.has("saveAs")) {
            String location = response.headers().firstValue("location")
                    .orElseThrow(() -> new StepRefused("step %d (POST %s) created nothing to refer to".formatted(index + 1, path)));
            saved.put(step.get("saveAs").asText(), location.substring(location.lastIndexOf('/') + 1));
        }
    }

    private String resolve(String path) {
        Matcher m = SAVED.matcher(path);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String id = saved.get(m.group(1));
            if (id == null) {
                throw new StepRefused("no id saved as " + m.group(1) + " before " + path);
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(id));
        }
        return m.appendTail(resolved).toString();
    }

    private HttpResponse<String> postWithToken(String client, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("authorization", "Bearer " + token(client))
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        try {
            answers.check(request, body, response);
        } catch (AssertionError e) {
            throw new StepRefused(e.getMessage());
        }
        return response;
    }

    private String token(String client) {
        return tokens.computeIfAbsent(client, c -> {
            String basic = Base64.getEncoder().encodeToString((c + ":" + c + "-secret").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuerUrl + "/oauth2/token"))
                    .header("authorization", "Basic " + basic)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
            if (response.statusCode() != 200) {
                throw new StepRefused("no token for " + c + ": " + response.statusCode() + " " + response.body());
            }
            try {
                return JSON.readTree(response.body()).get("access_token").asText();
            } catch (IOException e) {
                throw new StepRefused("unreadable token response for " + c);
            }
        });
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StepRefused(request.method() + " " + request.uri() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void send(KafkaProducer<String, String> producer, int index, JsonNode step) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", "scenario-" + (index + 1))
                .put("source", step.get("topic").asText().startsWith("ind.") ? "/ind/scenario" : "/coa/scenario")
                .put("type", step.get("type").asText()).put("time", step.get("at").asText())
                .put("datacontenttype", "application/json");
        event.set("data", step.get("data"));
        try {
            producer.send(new ProducerRecord<>(step.get("topic").asText(), step.get("key").asText(), event.toString()))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StepRefused("step %d (%s on %s) not accepted by the broker: %s".formatted(index + 1,
                    step.get("type").asText(), step.get("topic").asText(), e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
