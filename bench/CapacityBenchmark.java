import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the command path of a running stack (README's run command): opens CNO locations through the gateway,
 * then waits until capacity-service's read model shows them all.
 *
 *   java bench/CapacityBenchmark.java [commands=2000] [concurrency=8] [gateway=http://localhost:8080] [issuer=http://localhost:9000]
 *
 * It calls as the region's own client (vr-VRnn), so start the stack with a rate limit above what it measures, e.g.
 * DOORSTROOM_RATE_LIMIT=100000; otherwise it measures the gateway's per-client limit and says so.
 *
 * Prints commands per second, command latency percentiles (until the event is stored), and how long the projection
 * took to show the last one. Uses only the JDK, so it runs with `java` on the source file.
 */
public class CapacityBenchmark {

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String gateway = args.length > 2 ? args[2] : "http://localhost:8080";
        String issuer = args.length > 3 ? args[3] : "http://localhost:9000";
        String region = "VR" + String.format("%02d", 1 + (int) (Math.random() * 25));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        token = token(http, issuer, "vr-" + region);

        long realisedBefore = realised(http, gateway, region);
        for (int i = 0; i < 20; i++) {
            open(http, gateway, region, "BENCH-WARMUP-" + UUID.randomUUID());
        }
        long expected = realisedBefore + 20L * 10 + (long) commands * 10;

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            running.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                open(http, gateway, region, "BENCH-" + UUID.randomUUID());
                latencies.add(System.nanoTime() - t0);
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long commandsDone = System.nanoTime();
        pool.shutdown();
        while (realised(http, gateway, region) < expected) {
            Thread.sleep(20);
        }
        long projected = System.nanoTime();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = (commandsDone - start) / 1e9;
        System.out.printf("commands:            %d (concurrency %d, region %s)%n", commands, concurrency, region);
        System.out.printf("throughput:          %.0f commands/s%n", commands / seconds);
        System.out.printf("command latency:     p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        System.out.printf("projection caught up %.0f ms after the last command%n", (projected - commandsDone) / 1e6);
    }

    private static String token;

    /** A client-credentials token of a demo client (its secret is <client>-secret). */
    private static String token(HttpClient http, String issuer, String client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
        String body = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("authorization", "Basic " + basic).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + client + " from " + issuer + ": " + body);
        }
        return m.group(1);
    }

    private static void open(HttpClient http, String gateway, String region, String id) throws Exception {
        String body = "{\"locationId\":\"" + id + "\",\"veiligheidsregio\":\"" + region
                + "\",\"name\":\"Benchmark\",\"places\":10,\"occurredOn\":\"2022-09-01\"}";
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/capacity/cno-locations"))
                .header("content-type", "application/json").header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 429) {
            throw new IllegalStateException("the gateway's per-client rate limit answered 429: start the stack with "
                    + "DOORSTROOM_RATE_LIMIT=100000 to measure the command path rather than the limit");
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("opening " + id + " answered " + response.statusCode());
        }
    }

    private static long realised(HttpClient http, String gateway, String region) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/capacity/regions/" + region))
                        .header("authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"realised\":(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
