import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a rebuild: loads events into a service's event store, replays one processor through
 * POST /admin/processors/{name}/replay, shows its progress from GET /admin/processors/{name} while it runs, and prints
 * the rebuild rate in events per second.
 *
 *   java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar bench/ReplayBenchmark.java \
 *        [events=100000] [service=http://localhost:8081] [processor=capacity-projection] \
 *        [jdbc=jdbc:postgresql://localhost:54320/doorstroom_capacity]
 *
 * The events are copies of the service's first CnoLocationOpened event, each for a location of its own, inserted
 * straight into domain_event_entry (the audit trigger queues each to be sealed, as any append). They are real events
 * of the service: its outbound publisher publishes them and other services may consume them, so run this on a
 * throw-away stack. Events 0 loads nothing and replays what is there. The admin token is $DOORSTROOM_ADMIN_TOKEN, or
 * one asked of the token issuer ($DOORSTROOM_TOKEN_ISSUER, default http://localhost:9000) for the demo client admin.
 */
public class ReplayBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String token;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String service = args.length > 1 ? args[1] : "http://localhost:8081";
        String processor = args.length > 2 ? args[2] : "capacity-projection";
        String jdbc = args.length > 3 ? args[3] : "jdbc:postgresql://localhost:54320/doorstroom_capacity";
        token = adminToken();

        if (events > 0) {
            ensureTemplate(service);
            long t0 = System.nanoTime();
            load(jdbc, events);
            System.out.printf("loaded %,d events in %.1f s%n", events, (System.nanoTime() - t0) / 1e9);
        }
        System.out.println("waiting until every processor has caught up with the loaded events ...");
        awaitSettled(service);

        long wallStart = System.nanoTime();
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(service + "/admin/processors/" + processor + "/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 202) {
            throw new IllegalStateException("replay not started: " + started.statusCode() + " " + started.body());
        }
        String status;
        do {
            Thread.sleep(500);
            status = get(service + "/admin/processors/" + processor);
            System.out.printf("  %5.1f %%  %,12d of %,d events  %,10.0f events/s  lag %,d%n", number(status, "progressPercent"),
                    (long) number(status, "replayedEvents"), (long) number(status, "resetPosition"),
                    number(status, "eventsPerSecond"), (long) number(status, "lagEvents"));
        } while (!status.matches("(?s).*\"finishedAt\":\"[^\"]+\".*"));
        double wall = (System.nanoTime() - wallStart) / 1e9;

        Instant startedAt = Instant.parse(text(status, "startedAt"));
        Instant finishedAt = Instant.parse(text(status, "finishedAt"));
        long replayed = (long) number(status, "replayedEvents");
        double seconds = Duration.between(startedAt, finishedAt).toNanos() / 1e9;
        System.out.printf("rebuilt %s from %,d events in %.1f s: %,.0f events/s (%.1f s as seen by this client)%n",
                processor, replayed, seconds, replayed / seconds, wall);

        long v0 = System.nanoTime();
        String verification = get(service + "/admin/audit/verify");
        System.out.printf("audit chain recomputed in %.1f s: %s%n", (System.nanoTime() - v0) / 1e9, verification);
    }

    /** Copies of the first CnoLocationOpened, each under a new location id, in batches of 10,000 statements' worth. */
    private static void load(String jdbc, int events) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, System.getenv().getOrDefault("DOORSTROOM_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("DOORSTROOM_POSTGRES_PASSWORD", ""))) {
            String run = "BENCH-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    select nextval('domain_event_entry_seq'), ? || g, 0, t.type, gen_random_uuid()::text,
                           to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), t.payload_type, t.payload_revision,
                           convert_to(replace(convert_from(t.payload, 'UTF8'), t.aggregate_identifier, ? || g), 'UTF8'), t.meta_data
                    from generate_series(?, ?) g,
                         (select * from domain_event_entry where payload_type like '%CnoLocationOpened'
                          order by global_index limit 1) t""")) {
                for (int from = 1; from <= events; from += 10_000) {
                    int to = Math.min(events, from + 9_999);
                    insert.setString(1, run);
                    insert.setString(2, run);
                    insert.setInt(3, from);
                    insert.setInt(4, to);
                    insert.executeUpdate();
                    System.out.printf("  loaded %,d of %,d%n", to, events);
                }
            }
        }
    }

    /** The copies need one CnoLocationOpened to copy: opened here through the service's own path when there is none. */
    private static void ensureTemplate(String service) throws Exception {
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(service + "/cno-locations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"veiligheidsregio":"VR01","name":"Benchmarkhal","places":10,"occurredOn":"2022-09-01"}""")));
        if (opened.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not open the template location: " + opened.statusCode() + " " + opened.body());
        }
    }

    private static void awaitSettled(String service) throws Exception {
        while (true) {
            String all = get(service + "/admin/processors");
            if (!all.contains("\"replaying\":true") && !Pattern.compile("\"lagEvents\":[1-9]").matcher(all).find()) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    private static String adminToken() {
        String configured = System.getenv("DOORSTROOM_ADMIN_TOKEN");
        if (configured != null) {
            return configured;
        }
        String issuer = System.getenv().getOrDefault("DOORSTROOM_TOKEN_ISSUER", "http://localhost:9000");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? text(response.body(), "access_token") : null;
        } catch (Exception e) {
            System.out.println("no token from " + issuer + " (" + e.getMessage() + "); calling without one");
            return null;
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.Ee+-]+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
