import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what the audit chain costs concurrent appends (issue 13): the same appends, each event of an aggregate of
 * its own in a transaction of its own, on a database with V3's append-time chain (a lock on the chain head per
 * append) and on one with V4's queue and sealer (a sealer sealing every 200 ms meanwhile, as AuditSealer does).
 *
 *   java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar bench/AuditAppendBenchmark.java \
 *        [appends=4000] [concurrency=8] [jdbc=jdbc:postgresql://localhost:54320]
 *
 * Run from the repository's root: it applies platform's migrations (db/platform) to two throw-away databases,
 * audit_bench_v3 and audit_bench_v4, which it drops and creates. Measure on a durable server (fsync on): that is where
 * a lock held until commit stops commits from sharing a flush.
 */
public class AuditAppendBenchmark {

    private static final Path MIGRATIONS = Path.of("platform/src/main/resources/db/platform");

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String server = args.length > 2 ? args[2] : "jdbc:postgresql://localhost:54320";
        String user = System.getenv().getOrDefault("DOORSTROOM_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("DOORSTROOM_POSTGRES_PASSWORD", "");

        for (String version : List.of("v3", "v4")) {
            String database = "audit_bench_" + version;
            try (Connection admin = DriverManager.getConnection(server + "/postgres", user, password);
                 Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + database);
                s.execute("create database " + database);
            }
            String url = server + "/" + database;
            try (Connection db = DriverManager.getConnection(url, user, password); Statement s = db.createStatement()) {
                s.execute(Files.readString(MIGRATIONS.resolve("V1__axon_event_store.sql")));
                s.execute(Files.readString(MIGRATIONS.resolve("V3__audit_chain.sql")));
                if (version.equals("v4")) {
                    s.execute(Files.readString(MIGRATIONS.resolve("V4__audit_chain_sealed_asynchronously.sql")));
                }
            }
            run(version, url, user, password, appends, concurrency);
        }
    }

    private static void run(String version, String url, String user, String password, int appends, int concurrency)
            throws Exception {
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicLong mostUnsealed = new AtomicLong();
        Thread sealer = null;
        if (version.equals("v4")) {
            sealer = new Thread(() -> seal(url, user, password, appending, mostUnsealed), "sealer");
            sealer.start();
        }
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        List<Future<List<Long>>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            int count = appends / concurrency;
            results.add(threads.submit(() -> append(url, user, password, version + "-" + thread + "-", count)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            latencies.addAll(result.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        appending.set(false);
        Collections.sort(latencies);
        System.out.printf("%s: %,d appends by %d connections in %.1f s: %,.0f appends/s, latency p50 %.2f ms, p99 %.2f ms%n",
                version, latencies.size(), concurrency, seconds, latencies.size() / seconds,
                latencies.get(latencies.size() / 2) / 1e6, latencies.get(latencies.size() * 99 / 100) / 1e6);
        if (sealer != null) {
            sealer.join();
            try (Connection db = DriverManager.getConnection(url, user, password); Statement s = db.createStatement()) {
                long chained = scalar(s, "select count(*) from event_chain");
                System.out.printf("%s: at most %,d events awaited their seal during the run; %,d chained, %,d still queued%n",
                        version, mostUnsealed.get(), chained, scalar(s, "select count(*) from event_unsealed"));
                // a bulk load as ReplayBenchmark's, queued by one statement, then sealed as fast as the sealer can
                s.execute("""
                        insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                            event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)
                        select nextval('domain_event_entry_seq'), 'bulk-' || g, 0, type, gen_random_uuid()::text, time_stamp,
                               payload_type, payload_revision, payload, meta_data
                        from generate_series(1, 50000) g, (select * from domain_event_entry limit 1) t""");
                long t0 = System.nanoTime();
                long sealed = 0;
                long round;
                do {
                    round = scalar(s, "select audit_seal(10000)");
                    sealed += round;
                } while (round == 10_000);
                double sealing = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%s: sealed a bulk load of %,d events in %.2f s: %,.0f events/s%n",
                        version, sealed, sealing, sealed / sealing);
            }
        }
    }

    /** One transaction per event, each for an aggregate of its own: nothing but the audit chain makes them meet. */
    private static List<Long> append(String url, String user, String password, String prefix, int count) throws Exception {
        List<Long> latencies = new ArrayList<>(count);
        try (Connection db = DriverManager.getConnection(url, user, password);
             PreparedStatement insert = db.prepareStatement("""
                     insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                         time_stamp, payload_type, payload_revision, payload, meta_data)
                     values (nextval('domain_event_entry_seq'), ?, 0, 'CnoLocation', gen_random_uuid()::text,
                             to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                             'nl.doorstroom.capacity.domain.CnoLocationOpened', null,
                             convert_to('{"veiligheidsregio":"VR01","places":225}', 'UTF8'), convert_to('{}', 'UTF8'))""")) {
            db.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                insert.setString(1, prefix + i);
                insert.executeUpdate();
                db.commit();
                latencies.add(System.nanoTime() - t0);
            }
        }
        return latencies;
    }

    /** As AuditSealer: a round every 200 ms, batches of 10,000, until the appends are done and the queue is empty. */
    private static void seal(String url, String user, String password, AtomicBoolean appending, AtomicLong mostUnsealed) {
        try (Connection db = DriverManager.getConnection(url, user, password); Statement s = db.createStatement()) {
            while (true) {
                boolean last = !appending.get();
                mostUnsealed.accumulateAndGet(scalar(s, "select count(*) from event_unsealed"), Math::max);
                long sealed;
                do {
                    sealed = scalar(s, "select audit_seal(10000)");
                } while (sealed == 10_000);
                if (last) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
