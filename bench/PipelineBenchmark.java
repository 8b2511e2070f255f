import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline benchmark: first this machine's raw limits (PostgreSQL appends of event-shaped rows with the stack's
 * own durability, a sequential read, a Kafka round trip), then the project's paths on the running local stack, each
 * printed beside its raw limit with the ratio, and one JSON line per figure (prefixed {@code JSON }).
 * Run it through {@code bench/run.sh}, which starts the stack, puts the JDBC driver and Kafka client on the class
 * path and stops the stack afterwards; docs/benchmarks.md says how to read the figures.
 *
 *   java -cp <postgresql + kafka-clients> bench/PipelineBenchmark.java [sections...]
 *
 * Sections (all by default): raw commands latency inbound aggregate rebuild memory. Environment: DOORSTROOM_GATEWAY
 * (http://localhost:8080), DOORSTROOM_ISSUER (http://localhost:9000), DOORSTROOM_POSTGRES (jdbc:postgresql://localhost:54320),
 * DOORSTROOM_KAFKA (localhost:9092), BENCH_SECONDS (8, per measured run), BENCH_REBUILD_EVENTS (1000000),
 * BENCH_INBOUND_MESSAGES (2000).
 */
public class PipelineBenchmark {

    static final String GATEWAY = env("DOORSTROOM_GATEWAY", "http://localhost:8080");
    static final String ISSUER = env("DOORSTROOM_ISSUER", "http://localhost:9000");
    static final String POSTGRES = env("DOORSTROOM_POSTGRES", "jdbc:postgresql://localhost:54320");
    static final String KAFKA = env("DOORSTROOM_KAFKA", "localhost:9092");
    static final String CAPACITY = env("DOORSTROOM_CAPACITY", "http://localhost:8081");
    // every service's own port: the latency section starts when all their processors have caught up
    static final List<String> SERVICES = List.of(CAPACITY, env("DOORSTROOM_HOUSING", "http://localhost:8082"),
            env("DOORSTROOM_FINANCE", "http://localhost:8083"), env("DOORSTROOM_DEADLINE", "http://localhost:8084"));
    static final int SECONDS = Integer.parseInt(env("BENCH_SECONDS", "8"));
    static final int WARMUP_SECONDS = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "30"));
    // how often the latency section looks at the read models: at 1 ms its two pollers took a quarter of this 2-core
    // machine (the benchmark's JVM 32 % of a core, PostgreSQL's two backends 17 %), load the stack then had to share
    static final int POLL_MILLIS = Integer.parseInt(env("BENCH_POLL_MILLIS", "5"));
    static final String LATENCY_RATES = env("BENCH_LATENCY_RATES", "20,200");
    static final int REBUILD_EVENTS = Integer.parseInt(env("BENCH_REBUILD_EVENTS", "1000000"));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // raw limits, measured first; the project's figures are printed against them
    static double pgSingleRowPerSecond8;
    static double pgBatchedRowsPerSecond;
    static double pgSequentialReadRowsPerSecond;
    static double kafkaRoundTripP50Ms;
    static double kafkaRoundTripP99Ms;
    static double kafkaProducePerSecond;

    public static void main(String[] args) throws Exception {
        List<String> sections = args.length == 0 ? List.of("raw", "commands", "latency", "inbound", "aggregate", "rebuild", "memory")
                : List.of(args);
        System.out.printf("Doorstroom pipeline benchmark, %s, %d cores, %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        String startup = System.getenv("BENCH_STARTUP_SECONDS");
        if (startup != null) {
            String classData = System.getenv().getOrDefault("BENCH_CLASS_DATA", "unknown");
            report("startup", "run command until every service is ready (class-data archives: " + classData + ")",
                    Double.parseDouble(startup), "s", null, null);
        }
        if (sections.contains("memory")) {
            memory("at rest");
        }
        if (sections.contains("raw")) {
            rawPostgres();
            rawKafka();
        }
        if (sections.contains("commands")) {
            commands();
        }
        if (sections.contains("latency")) {
            // first a rate the stack keeps up with (the path itself), then the target's 200/s (a queue when above it)
            for (String rate : LATENCY_RATES.split(",")) {
                // what an earlier section left queued (the commands at 300/s) is not this section's latency
                for (String service : SERVICES) {
                    awaitCaughtUp(service, token("admin"), Duration.ofMinutes(10));
                }
                awaitConsumersCaughtUp(Duration.ofMinutes(5));
                latency(Integer.parseInt(rate.trim()));
            }
        }
        if (sections.contains("inbound")) {
            inbound();
        }
        if (sections.contains("aggregate")) {
            longAggregate();
        }
        if (sections.contains("rebuild")) {
            rebuild();
        }
        if (sections.contains("memory")) {
            memory("after the load");
        }
    }

    // ---------------------------------------------------------------- raw limits

    /** Rows shaped like domain_event_entry, in a database of the same server (same fsync and synchronous_commit). */
    static void rawPostgres() throws Exception {
        try (Connection admin = DriverManager.getConnection(POSTGRES + "/postgres", "postgres", "")) {
            try (Statement s = admin.createStatement()) {
                s.execute("drop database if exists bench_raw");
                s.execute("create database bench_raw");
            }
            try (ResultSet rs = admin.createStatement().executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
                rs.next();
                System.out.printf("PostgreSQL: fsync=%s synchronous_commit=%s%n", rs.getString(1), rs.getString(2));
            }
        }
        String url = POSTGRES + "/bench_raw?reWriteBatchedInserts=true";
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("""
                    create table raw_event (global_index bigint primary key, aggregate_identifier varchar(255) not null,
                        sequence_number bigint not null, type varchar(255), event_identifier varchar(255) not null unique,
                        time_stamp varchar(255) not null, payload_type varchar(255) not null, payload_revision varchar(255),
                        payload bytea not null, meta_data bytea, unique (aggregate_identifier, sequence_number))""");
            s.execute("create sequence raw_event_seq");
        }
        byte[] payload = ("{\"locationId\":\"CNO-" + UUID.randomUUID() + "\",\"veiligheidsregio\":\"VR01\",\"name\":\"Sporthal\","
                + "\"gemeente\":null,\"places\":225,\"belowNormalStandard\":false,\"occurredOn\":\"2022-09-01\"}").getBytes(StandardCharsets.UTF_8);
        byte[] meta = ("{\"traceparent\":\"00-" + "0".repeat(31) + "1-" + "0".repeat(15) + "1-01\",\"principal\":\"vr-VR01\"}")
                .getBytes(StandardCharsets.UTF_8);
        String insert = "insert into raw_event values (nextval('raw_event_seq'), ?, 0, 'CnoLocation', ?, ?, "
                + "'nl.doorstroom.capacity.domain.CapacityEvents$CnoLocationOpened', null, ?, ?)";

        int clients = 8;
        int perClient = 500 * Math.max(1, SECONDS / 4);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long t0 = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", ""); PreparedStatement ps = c.prepareStatement(insert)) {
                    for (int n = 0; n < perClient; n++) {
                        bindRaw(ps, payload, meta);
                        ps.executeUpdate();
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
                return null;
            });
        }
        done.await();
        pool.shutdown();
        pgSingleRowPerSecond8 = clients * perClient / ((System.nanoTime() - t0) / 1e9);
        report("raw.pg.single_row_8_clients", "PostgreSQL single-row appends, 8 clients, one commit each",
                pgSingleRowPerSecond8, "rows/s", null, null);

        int rows = 200_000;
        int batch = 500;
        t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); PreparedStatement ps = c.prepareStatement(insert)) {
            c.setAutoCommit(false);
            for (int n = 0; n < rows; n++) {
                bindRaw(ps, payload, meta);
                ps.addBatch();
                if ((n + 1) % batch == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        pgBatchedRowsPerSecond = rows / ((System.nanoTime() - t0) / 1e9);
        report("raw.pg.batched_500", "PostgreSQL appends in batches of 500, one client", pgBatchedRowsPerSecond, "rows/s", null, null);

        t0 = System.nanoTime();
        long read = 0;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("select * from raw_event order by global_index")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes("payload");
                        read++;
                    }
                }
            }
        }
        pgSequentialReadRowsPerSecond = read / ((System.nanoTime() - t0) / 1e9);
        report("raw.pg.sequential_read", "PostgreSQL sequential read of " + read + " event rows in global order",
                pgSequentialReadRowsPerSecond, "rows/s", null, null);
        try (Connection admin = DriverManager.getConnection(POSTGRES + "/postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("drop database bench_raw");
        }
    }

    static void bindRaw(PreparedStatement ps, byte[] payload, byte[] meta) throws Exception {
        ps.setString(1, "CNO-" + UUID.randomUUID());
        ps.setString(2, UUID.randomUUID().toString());
        ps.setString(3, Instant.now().toString());
        ps.setBytes(4, payload);
        ps.setBytes(5, meta);
    }

    /** One record at a time through the broker the stack uses: acks=all, idempotent, as the services produce. */
    static void rawKafka() throws Exception {
        String topic = "bench.raw." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = producer(); KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            byte[] value = new byte[600];
            List<Long> rtt = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(Math.max(3, SECONDS / 2)).toNanos();
            while (System.nanoTime() < until) {
                long t0 = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k", value));
                producer.flush();
                while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                    // until the record is back
                }
                rtt.add(System.nanoTime() - t0);
            }
            Collections.sort(rtt);
            kafkaRoundTripP50Ms = ms(rtt, 0.5);
            kafkaRoundTripP99Ms = ms(rtt, 0.99);
            report("raw.kafka.round_trip_p50", "Kafka produce→consume round trip, one record at a time, p50", kafkaRoundTripP50Ms, "ms", null, null);
            report("raw.kafka.round_trip_p99", "Kafka produce→consume round trip, one record at a time, p99", kafkaRoundTripP99Ms, "ms", null, null);

            int n = 50_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 16), value));
            }
            producer.flush();
            kafkaProducePerSecond = n / ((System.nanoTime() - t0) / 1e9);
            report("raw.kafka.produce", "Kafka produce, 600-byte records, acks=all, one producer", kafkaProducePerSecond, "records/s", null, null);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA))) {
            admin.deleteTopics(List.of(topic));
        }
    }

    // ---------------------------------------------------------------- the project's paths

    /** CNO locations opened through the gateway (each a new aggregate, stored durably before the answer). */
    static void commands() throws Exception {
        if (WARMUP_SECONDS > 0) {
            // the services' JIT compiles the command path in the first tens of seconds; a cold run measures the compiler
            List<String> warm = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                warm.add(token("vr-" + region(i)));
            }
            Run warmUp = closedLoop(8, WARMUP_SECONDS, i -> openCno(warm.get(i), region(i)));
            System.out.printf("  warm-up: %d s at 8 clients, %.1f commands/s (not a figure)%n", WARMUP_SECONDS, warmUp.perSecond());
        }
        for (int clients : new int[]{1, 8, 32}) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                tokens.add(token("vr-" + region(i)));
            }
            Run run = closedLoop(clients, i -> openCno(tokens.get(i), region(i)));
            report("commands." + clients + "_clients.throughput", "commands through the gateway, " + clients + " client(s)",
                    run.perSecond(), "commands/s", pgSingleRowPerSecond8, "PostgreSQL single-row appends, 8 clients");
            report("commands." + clients + "_clients.p50", "  latency p50", run.p(0.5), "ms", null, null);
            report("commands." + clients + "_clients.p99", "  latency p99", run.p(0.99), "ms", null, null);
            if (run.failures > 0) {
                System.out.printf("  %d calls failed (%s)%n", run.failures, run.firstFailure);
            }
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tokens.add(token("vr-" + region(i)));
        }
        Run paced = openLoop(300, 64, i -> openCno(tokens.get(i % 25), region(i % 25)));
        report("commands.paced_300.p50", "commands through the gateway at a steady 300/s, p50", paced.p(0.5), "ms", null, null);
        report("commands.paced_300.p99", "commands through the gateway at a steady 300/s, p99", paced.p(0.99), "ms", null, null);
    }

    /**
     * Housing reports at a steady rate: how long until housing's own read model counts each, and until
     * capacity-service (another service, over doorstroom.housing.events) shows it as outflow. Both read models are
     * polled in their tables every BENCH_POLL_MILLIS (5 ms; a figure is late by up to that much); the k-th report is in
     * when the count reaches its k-th increase. Between them, stages from the same send: the 202, the event on
     * doorstroom.housing.events (read by a consumer in this benchmark), and capacity's RecordUitstroom stored in its
     * event table; so the figure shows where its time goes.
     */
    static void latency(int rate) throws Exception {
        // reports spread over 50 municipalities, as they arrive from the country, not one municipality's stream
        List<String> gemeenten = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (String code : GEMEENTEN) {
            gemeenten.add(code);
            tokens.add(token("gemeente-" + code));
        }
        String period = "2022-H2";
        try (Connection housing = DriverManager.getConnection(POSTGRES + "/doorstroom_housing", "postgres", "");
             Connection capacity = DriverManager.getConnection(POSTGRES + "/doorstroom_capacity", "postgres", "")) {
            PreparedStatement own = housing.prepareStatement(
                    "select coalesce(sum(housed), 0) from housing_municipality_period where gemeente = any (?) and period = ?");
            own.setArray(1, housing.createArrayOf("varchar", gemeenten.toArray()));
            own.setString(2, period);
            PreparedStatement other = capacity.prepareStatement("select coalesce(sum(persons), 0) from reception_outflow where period = ?");
            other.setString(1, period);
            // the stages between: each report's event on doorstroom.housing.events, and capacity's command stored
            PreparedStatement stored = capacity.prepareStatement(
                    "select count(*) from domain_event_entry where payload_type = ? and global_index > ?");
            stored.setString(1, "nl.doorstroom.capacity.domain.CapacityEvents$StatushoudersUitgestroomd");
            stored.setLong(2, single(capacity.prepareStatement("select coalesce(max(global_index), 0) from domain_event_entry")));
            LongSupplier ownCount = () -> single(own);
            LongSupplier otherCount = () -> single(other);
            LongSupplier storedCount = () -> single(stored);
            for (int i = 0; i < gemeenten.size(); i++) {
                reportHousing(tokens.get(i), gemeenten.get(i), period);
            }
            awaitStable(otherCount);
            long ownBase = ownCount.getAsLong();
            long otherBase = otherCount.getAsLong();
            List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
            List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
            Poller ownPoller = new Poller(ownCount, ownBase);
            Poller otherPoller = new Poller(otherCount, otherBase);
            Poller storedPoller = new Poller(storedCount, storedCount.getAsLong());
            TopicCounter published = new TopicCounter("doorstroom.housing.events", "StatushoudersHoused.v1");
            Poller publishedPoller = new Poller(published::count, 0);
            ownPoller.start();
            otherPoller.start();
            storedPoller.start();
            publishedPoller.start();
            int total = rate * SECONDS;
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
            ExecutorService senders = Executors.newFixedThreadPool(16);
            AtomicLong failures = new AtomicLong();
            AtomicLong scheduled = new AtomicLong();
            CountDownLatch all = new CountDownLatch(total);
            clock.scheduleAtFixedRate(() -> {
                if (scheduled.incrementAndGet() > total) {
                    return;
                }
                long n = scheduled.get();
                senders.submit(() -> {
                    long t0 = System.nanoTime();
                    sentAt.add(t0);
                    try {
                        int g = (int) (n % gemeenten.size());
                        reportHousing(tokens.get(g), gemeenten.get(g), period);
                        acknowledged.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        all.countDown();
                    }
                });
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            all.await();
            clock.shutdownNow();
            senders.shutdown();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((ownPoller.reached() < total || otherPoller.reached() < total) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ownPoller.stop();
            otherPoller.stop();
            storedPoller.stop();
            publishedPoller.stop();
            published.close();
            List<Long> sent = new ArrayList<>(sentAt);
            Collections.sort(sent);
            List<Long> ownLatency = ownPoller.latencies(sent);
            List<Long> otherLatency = otherPoller.latencies(sent);
            String at = rate == 200 ? "" : "_" + rate + "_per_s"; // the 200/s keys stay as earlier runs wrote them
            report("latency.own_read_model" + at + ".p50", "housing report → housing's own read model at " + rate + "/s, p50",
                    ms(ownLatency, 0.5), "ms", null, null);
            report("latency.own_read_model" + at + ".p99", "housing report → housing's own read model at " + rate + "/s, p99",
                    ms(ownLatency, 0.99), "ms", null, null);
            report("latency.other_service" + at + ".p50", "housing report → capacity-service's read model at " + rate + "/s, p50",
                    ms(otherLatency, 0.5), "ms", kafkaRoundTripP50Ms, "Kafka round trip p50");
            report("latency.other_service" + at + ".p99", "housing report → capacity-service's read model at " + rate + "/s, p99",
                    ms(otherLatency, 0.99), "ms", kafkaRoundTripP99Ms, "Kafka round trip p99");
            // where the time between the report and capacity's read model goes, stage by stage from the report's send
            List<Long> ack = new ArrayList<>(acknowledged);
            Collections.sort(ack);
            Map<String, List<Long>> stages = new java.util.LinkedHashMap<>();
            stages.put("acknowledged", ack);
            stages.put("on_kafka", publishedPoller.latencies(sent));
            stages.put("stored_by_capacity", storedPoller.latencies(sent));
            for (var stage : stages.entrySet()) {
                report("latency.stage" + at + "." + stage.getKey() + ".p50", "  stage: report → " + stage.getKey().replace('_', ' ')
                        + " at " + rate + "/s, p50", ms(stage.getValue(), 0.5), "ms", null, null);
                report("latency.stage" + at + "." + stage.getKey() + ".p99", "  stage: report → " + stage.getKey().replace('_', ' ')
                        + " at " + rate + "/s, p99", ms(stage.getValue(), 0.99), "ms", null, null);
            }
            if (failures.get() > 0 || ownLatency.size() < total || otherLatency.size() < total) {
                System.out.printf("  %d reports failed; %d of %d reached housing, %d reached capacity%n", failures.get(),
                        ownLatency.size(), total, otherLatency.size());
            }
        }
    }

    /**
     * COA's messages on coa.locaties.v1 until stored and projected, as fast as one producer sends them; then malformed
     * messages until they are on the DLT; then one valid message behind 1,000 malformed ones on the same partition.
     */
    static void inbound() throws Exception {
        int valid = Integer.parseInt(env("BENCH_INBOUND_MESSAGES", "2000"));
        try (Connection capacity = DriverManager.getConnection(POSTGRES + "/doorstroom_capacity", "postgres", "");
             KafkaProducer<String, byte[]> producer = producer(); KafkaConsumer<String, byte[]> consumer = consumer()) {
            PreparedStatement count = capacity.prepareStatement("select count(*) from capacity_location where kind = 'COA'");
            long before = single(count);
            String run = UUID.randomUUID().toString().substring(0, 8);
            long t0 = System.nanoTime();
            for (int i = 0; i < valid; i++) {
                String id = "COA-BENCH-" + run + "-" + i;
                producer.send(new ProducerRecord<>("coa.locaties.v1", id, locatieGeopend(id, "AZC Bench " + i)));
            }
            producer.flush();
            awaitAtLeast(() -> single(count), before + valid, Duration.ofMinutes(10));
            double perSecond = valid / ((System.nanoTime() - t0) / 1e9);
            report("inbound.coa.valid", "COA LocatieGeopend on coa.locaties.v1 until stored and projected", perSecond, "messages/s",
                    kafkaProducePerSecond, "Kafka produce");

            List<TopicPartition> dlt = partitions(consumer, "coa.locaties.v1.DLT");
            long dltBefore = endOffsets(consumer, dlt);
            int malformed = 5_000;
            t0 = System.nanoTime();
            for (int i = 0; i < malformed; i++) {
                producer.send(new ProducerRecord<>("coa.locaties.v1", "COA-MALFORMED", malformed(i)));
            }
            producer.flush();
            awaitAtLeast(() -> endOffsets(consumer, dlt), dltBefore + malformed, Duration.ofMinutes(10));
            report("inbound.coa.malformed", "malformed messages on coa.locaties.v1 until on its DLT", malformed / ((System.nanoTime() - t0) / 1e9),
                    "messages/s", kafkaProducePerSecond, "Kafka produce");

            String key = "COA-BENCH-" + run + "-behind";
            for (int i = 0; i < 1000; i++) {
                producer.send(new ProducerRecord<>("coa.locaties.v1", key, malformed(i)));
            }
            long sentValid = System.nanoTime();
            producer.send(new ProducerRecord<>("coa.locaties.v1", key, locatieGeopend(key, "AZC achter de rij")));
            producer.flush();
            awaitAtLeast(() -> single(count), before + valid + 1, Duration.ofMinutes(5));
            report("inbound.coa.valid_behind_1000_malformed", "a valid message behind 1,000 malformed on the same partition, until projected",
                    (System.nanoTime() - sentValid) / 1e6, "ms", null, null);
        }
    }

    /**
     * Commands on one CNO location that already has 10,000 events (occupancy reports copied into its stream, as a
     * location reporting every day for years would have): 200 more reports through the gateway, one at a time.
     */
    static void longAggregate() throws Exception {
        String vr = token("vr-VR02");
        String location = "BENCH-LONG-" + UUID.randomUUID();
        post(vr, "/api/capacity/cno-locations", "{\"locationId\":\"" + location
                + "\",\"veiligheidsregio\":\"VR02\",\"name\":\"Expo\",\"places\":900,\"occurredOn\":\"2022-09-01\"}", 201);
        String report = "{\"occupied\":300,\"occurredOn\":\"2022-10-01\"}";
        post(vr, "/api/capacity/cno-locations/" + location + "/occupancy", report, 202);
        try (Connection c = DriverManager.getConnection(POSTGRES + "/doorstroom_capacity", "postgres", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("""
                    insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                        event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)
                    select nextval('domain_event_entry_seq'), e.aggregate_identifier, n, e.type, gen_random_uuid()::text,
                           e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data
                    from domain_event_entry e, generate_series(2, 10000) n
                    where e.aggregate_identifier = '%s' and e.sequence_number = 1 order by n""".formatted(location));
        }
        // the copied events first reach every processor (and the publisher, and so the other services); the first
        // command then reads the 10,000 events (and snapshots them), which while the stack was still busy with the
        // inbound section once took longer than the gateway's 5 s and answered 503
        awaitCaughtUp(CAPACITY, token("admin"), Duration.ofMinutes(10));
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            long t0 = System.nanoTime();
            post(vr, "/api/capacity/cno-locations/" + location + "/occupancy", report, 202);
            if (i >= 20) {
                latencies.add(System.nanoTime() - t0);
            }
        }
        Collections.sort(latencies);
        report("aggregate.10000_events.p50", "a command on a location with 10,000 events, p50 (200 after 20 warm-up)",
                ms(latencies, 0.5), "ms", null, null);
        report("aggregate.10000_events.p99", "a command on a location with 10,000 events, p99", ms(latencies, 0.99), "ms", null, null);
    }

    /**
     * Rebuild of capacity-service's location projection from at least BENCH_REBUILD_EVENTS events, shaped as a year of
     * daily reports would be: 2,000 CNO locations, each opened once and then reporting its occupancy again and again.
     * A location opened and reported through the gateway is the template; its two stored events are copied straight
     * into the event store (as a history would be loaded), then POST /admin/processors/capacity-projection/replay is
     * timed from its start until it has caught up.
     */
    static void rebuild() throws Exception {
        String admin = token("admin");
        try (Connection c = DriverManager.getConnection(POSTGRES + "/doorstroom_capacity", "postgres", "")) {
            long stored = single(c.prepareStatement("select count(*) from domain_event_entry"));
            int locations = 2_000;
            long reports = Math.max(0, (REBUILD_EVENTS - stored - locations) / locations);
            if (reports > 0) {
                long t0 = System.nanoTime();
                String vr = token("vr-VR01");
                String template = "BENCH-TEMPLATE-" + UUID.randomUUID();
                post(vr, "/api/capacity/cno-locations", "{\"locationId\":\"" + template
                        + "\",\"veiligheidsregio\":\"VR01\",\"name\":\"Sporthal\",\"places\":400,\"occurredOn\":\"2022-09-01\"}", 201);
                post(vr, "/api/capacity/cno-locations/" + template + "/occupancy", "{\"occupied\":180,\"occurredOn\":\"2022-10-01\"}", 202);
                String run = UUID.randomUUID().toString().substring(0, 8);
                String copy = """
                        insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                            event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)
                        select nextval('domain_event_entry_seq'), 'CNO-REBUILD-%1$s-' || a, s, e.type, gen_random_uuid()::text,
                               e.time_stamp, e.payload_type, e.payload_revision,
                               convert_to(replace(convert_from(e.payload, 'UTF8'), '%2$s', 'CNO-REBUILD-%1$s-' || a), 'UTF8'), e.meta_data
                        from domain_event_entry e, generate_series(%3$d, %4$d) s, generate_series(1, %5$d) a
                        where e.aggregate_identifier = '%2$s' and e.sequence_number = least(s, 1)
                        order by s, a""";
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(copy.formatted(run, template, 0, 0, locations));
                    for (long from = 1; from <= reports; from += 20) {
                        s.executeUpdate(copy.formatted(run, template, from, Math.min(reports, from + 19), locations));
                    }
                }
                System.out.printf("loaded %,d events (%,d locations × %,d occupancy reports) into capacity's event store in %.1f s%n",
                        locations * (reports + 1), locations, reports, (System.nanoTime() - t0) / 1e9);
            }
            long events = single(c.prepareStatement("select count(*) from domain_event_entry"));
            awaitCaughtUp(CAPACITY, admin, Duration.ofMinutes(30));
            long t0 = System.nanoTime();
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(CAPACITY + "/admin/processors/capacity-projection/replay"))
                    .header("authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                throw new IllegalStateException("replay answered " + started.statusCode() + ": " + started.body());
            }
            String status;
            long lastPrint = 0;
            do {
                Thread.sleep(200);
                status = HTTP.send(HttpRequest.newBuilder(URI.create(CAPACITY + "/admin/processors/capacity-projection"))
                        .header("authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (System.nanoTime() - lastPrint > 5e9) {
                    lastPrint = System.nanoTime();
                    System.out.printf("  replay: %s%% %s events/s%n", field(status, "progressPercent"), field(status, "eventsPerSecond"));
                }
            } while (status.contains("\"finishedAt\":null"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            report("rebuild.capacity_projection", "rebuild of capacity-projection from " + String.format("%,d", events) + " events",
                    events / seconds, "events/s", pgSequentialReadRowsPerSecond, "PostgreSQL sequential read");
        }
    }

    /** PSS of every process of the stack: the JVMs started from the local stack's jars and PostgreSQL's processes. */
    static void memory(String when) throws Exception {
        long total = 0;
        long jvms = 0;
        long postgres = 0;
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            String command = p.info().commandLine().orElse("");
            boolean jvm = command.contains("doorstroom-local-exec.jar") || command.contains("local-stack/target/services/");
            boolean pg = command.contains("postgres") && !command.contains("PipelineBenchmark");
            if (!jvm && !pg) {
                continue;
            }
            Path rollup = Path.of("/proc", Long.toString(p.pid()), "smaps_rollup");
            if (!Files.isReadable(rollup)) {
                continue;
            }
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Pss:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    total += kb;
                    if (jvm) {
                        jvms += kb;
                    } else {
                        postgres += kb;
                    }
                }
            }
        }
        String key = when.equals("at rest") ? "at_rest" : "after_load";
        report("memory." + key, "whole stack PSS " + when + String.format(" (JVMs %.0f MiB, PostgreSQL %.0f MiB)", jvms / 1024.0, postgres / 1024.0),
                total / 1024.0, "MiB", null, null);
    }

    // ---------------------------------------------------------------- helpers

    interface Call {
        void run(int client) throws Exception;
    }

    record Run(long calls, double seconds, List<Long> latencies, long failures, String firstFailure) {
        double perSecond() {
            return calls / seconds;
        }

        double p(double quantile) {
            return ms(latencies, quantile);
        }
    }

    static Run closedLoop(int clients, Call call) throws Exception {
        return closedLoop(clients, SECONDS, call);
    }

    /** Each client calls again as soon as it has its answer; a second and a half of ramp-up first. */
    static Run closedLoop(int clients, int seconds, Call call) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        List<String> firstFailure = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        call.run(client);
                        if (measuring.get()) {
                            latencies.add(System.nanoTime() - t0);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        if (firstFailure.isEmpty()) {
                            firstFailure.add(e.getMessage());
                        }
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(1500);
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double measured = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Run(sorted.size(), measured, sorted, failures.get(), firstFailure.isEmpty() ? null : firstFailure.get(0));
    }

    /** Calls started at a fixed rate, whatever the answers do. */
    static Run openLoop(int perSecond, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong n = new AtomicLong();
        int total = perSecond * SECONDS;
        CountDownLatch done = new CountDownLatch(total);
        long t0 = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            long i = n.getAndIncrement();
            if (i >= total) {
                return;
            }
            pool.submit(() -> {
                long start = System.nanoTime();
                try {
                    call.run((int) i);
                    latencies.add(System.nanoTime() - start);
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        done.await();
        clock.shutdownNow();
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Run(sorted.size(), (System.nanoTime() - t0) / 1e9, sorted, failures.get(), null);
    }

    /** Polls a count every millisecond and notes when it first reached each value above the base. */
    /** Counts the records of a topic, from its end at the start, whose value names a type; read as they arrive. */
    static final class TopicCounter implements AutoCloseable {
        final AtomicLong count = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread thread;

        TopicCounter(String topic, String type) throws InterruptedException {
            CountDownLatch assigned = new CountDownLatch(1);
            byte[] needle = type.getBytes(StandardCharsets.UTF_8);
            thread = new Thread(() -> {
                Properties p = new Properties();
                p.put("bootstrap.servers", KAFKA);
                p.put("enable.auto.commit", "false");
                p.put("fetch.max.wait.ms", "20");
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                    List<TopicPartition> partitions = partitions(consumer, topic);
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position);
                    assigned.countDown();
                    while (running.get()) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                            if (contains(record.value(), needle)) {
                                count.incrementAndGet();
                            }
                        }
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
            assigned.await();
        }

        long count() {
            return count.get();
        }

        static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    static final class Poller {
        final LongSupplier count;
        final long base;
        final List<Long> reachedAt = Collections.synchronizedList(new ArrayList<>());
        volatile boolean running = true;
        Thread thread;

        Poller(LongSupplier count, long base) {
            this.count = count;
            this.base = base;
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    long value = count.getAsLong() - base;
                    long now = System.nanoTime();
                    while (reachedAt.size() < value) {
                        reachedAt.add(now);
                    }
                    try {
                        Thread.sleep(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int reached() {
            return reachedAt.size();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        List<Long> latencies(List<Long> sent) {
            List<Long> latencies = new ArrayList<>();
            for (int k = 0; k < Math.min(sent.size(), reachedAt.size()); k++) {
                latencies.add(Math.max(0, reachedAt.get(k) - sent.get(k)));
            }
            Collections.sort(latencies);
            return latencies;
        }
    }

    static void report(String key, String what, double value, String unit, Double limit, String limitWhat) {
        String figure = String.format(Locale.ROOT, "%,.1f %s", value, unit);
        if (limit != null && limit > 0) {
            boolean lowerIsBetter = unit.equals("ms");
            double ratio = lowerIsBetter ? value / limit : limit / value;
            System.out.printf(Locale.ROOT, "%-78s %22s   raw: %,.1f %s (%s), %s%n", what, figure, limit, unit, limitWhat,
                    lowerIsBetter ? String.format(Locale.ROOT, "%.1f× the raw time", ratio) : String.format(Locale.ROOT, "%.1f× below", ratio));
        } else {
            System.out.printf(Locale.ROOT, "%-78s %22s%n", what, figure);
        }
        System.out.printf(Locale.ROOT, "JSON {\"figure\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"raw\":%s,\"raw_what\":%s,\"at\":\"%s\"}%n",
                key, value, unit, limit == null ? "null" : String.format(Locale.ROOT, "%.3f", limit),
                limitWhat == null ? "null" : "\"" + limitWhat + "\"", Instant.now());
    }

    /** 50 municipalities of 2022 (CBS codes), large and small, from ../shared/data. */
    static final List<String> GEMEENTEN = List.of("GM0363", "GM0599", "GM0518", "GM0344", "GM0772", "GM0014", "GM0034",
            "GM0202", "GM0855", "GM0153", "GM0193", "GM0268", "GM0200", "GM0758", "GM0307", "GM0479", "GM0546", "GM0392",
            "GM0394", "GM0796", "GM0262", "GM0080", "GM0935", "GM0988", "GM0828", "GM0984", "GM0503", "GM0228", "GM0375",
            "GM0439", "GM0406", "GM0361", "GM0355", "GM0222", "GM0626", "GM0627", "GM0632", "GM0637", "GM0642", "GM0654",
            "GM0664", "GM0668", "GM0677", "GM0678", "GM0687", "GM0703", "GM0715", "GM0716", "GM0717", "GM0718");

    static String region(int i) {
        return String.format("VR%02d", 1 + i % 25);
    }

    static void openCno(String token, String region) throws Exception {
        String body = "{\"locationId\":\"BENCH-" + UUID.randomUUID() + "\",\"veiligheidsregio\":\"" + region
                + "\",\"name\":\"Benchmark\",\"places\":10,\"occurredOn\":\"2022-09-01\"}";
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/capacity/cno-locations"))
                .header("content-type", "application/json").header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/capacity/cno-locations answered " + response.statusCode()
                    + (response.statusCode() == 429 ? " (the gateway's rate limit: start the stack with DOORSTROOM_RATE_LIMIT=100000)" : ""));
        }
    }

    static void post(String token, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("content-type", "application/json").header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static void reportHousing(String token, String gemeente, String period) throws Exception {
        String body = "{\"persons\":1,\"housingForm\":\"REGULIERE_WONINGVOORRAAD\",\"period\":\"" + period + "\",\"occurredOn\":\"2022-10-03\"}";
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/housing/municipalities/" + gemeente + "/housings"))
                .header("content-type", "application/json").header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("housing report answered " + response.statusCode());
        }
    }

    static byte[] locatieGeopend(String id, String naam) {
        return cloudEvent("nl.coa.locaties.LocatieGeopend.v1", "{\"locatieId\":\"" + id + "\",\"naam\":\"" + naam
                + "\",\"plaatsen\":{\"ASIELZOEKERS\":400},\"onderNormaal\":false,\"datum\":\"" + LocalDate.of(2022, 10, 1) + "\"}");
    }

    static byte[] malformed(int i) {
        return cloudEvent("nl.coa.locaties.LocatieGeopend.v1", "{\"locatieId\":\"COA-MALFORMED-" + i + "\",\"plaatsen\":\"veel\"}");
    }

    static byte[] cloudEvent(String type, String data) {
        return ("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/coa/bench\",\"type\":\"" + type
                + "\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", KAFKA);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "0");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", KAFKA);
        p.put("enable.auto.commit", "false");
        p.put("fetch.max.wait.ms", "50");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    static long endOffsets(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    static long single(PreparedStatement query) {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitAtLeast(LongSupplier value, long expected, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (value.getAsLong() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still " + value.getAsLong() + " of " + expected + " after " + patience);
            }
            Thread.sleep(2);
        }
    }

    static void awaitStable(LongSupplier value) throws InterruptedException {
        long last = -1;
        long current = value.getAsLong();
        while (current != last) {
            Thread.sleep(1000);
            last = current;
            current = value.getAsLong();
        }
    }

    static void awaitCaughtUp(String serviceUrl, String token, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/admin/processors"))
                    .header("authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher lag = Pattern.compile("\"lagEvents\":(\\d+)").matcher(body);
            long worst = 0;
            while (lag.find()) {
                worst = Math.max(worst, Long.parseLong(lag.group(1)));
            }
            if (worst == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processors still " + worst + " events behind");
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Until every consumer group of the stack has read its topics to the end (finance and deadline read capacity's
     * events over Kafka, not through a processor that /admin/processors shows); a group still behind after the
     * patience is named, and the run goes on.
     */
    static void awaitConsumersCaughtUp(Duration patience) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", KAFKA);
        try (Admin admin = Admin.create(p)) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                Map<String, Long> lagByGroup = new java.util.TreeMap<>();
                for (var group : admin.listConsumerGroups().all().get()) {
                    var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                    committed.keySet().forEach(partition -> latest.put(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    long lag = 0;
                    for (var entry : committed.entrySet()) {
                        if (entry.getValue() != null) {
                            lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                        }
                    }
                    if (lag > 0) {
                        lagByGroup.put(group.groupId(), lag);
                    }
                }
                if (lagByGroup.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    System.out.println("  consumer groups still behind, measured anyway: " + lagByGroup);
                    return;
                }
                Thread.sleep(1000);
            }
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([^,}]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static String token(String client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("authorization", "Basic " + basic).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + client + " from " + ISSUER + ": " + body);
        }
        return m.group(1);
    }

    static double ms(List<Long> sortedNanos, double quantile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        return sortedNanos.get((int) Math.min(sortedNanos.size() - 1, Math.floor(quantile * sortedNanos.size()))) / 1e6;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
