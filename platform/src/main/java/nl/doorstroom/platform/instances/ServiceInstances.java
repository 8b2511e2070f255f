package nl.doorstroom.platform.instances;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The instances of this service on its database: each records a heartbeat, and one not seen for
 * {@code doorstroom.instances.timeout} is taken to be gone (a killed instance says nothing). The owner is the name Axon's
 * token store claims segments with (the JVM's {@code pid@host}), so {@code token_entry.owner} names a row here.
 */
@Component
public class ServiceInstances {

    private final JdbcTemplate jdbc;
    private final Clock wallClock;
    private final Duration timeout;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName();
    private final Instant startedAt;

    public ServiceInstances(JdbcTemplate jdbc, @Value("${doorstroom.instances.timeout:15s}") Duration timeout) {
        this.jdbc = jdbc;
        this.wallClock = Clock.systemUTC();
        this.timeout = timeout;
        this.startedAt = wallClock.instant();
    }

    /** This instance's name, as in {@code token_entry.owner}. */
    public String owner() {
        return owner;
    }

    /** Records that this instance is alive and forgets instances gone for ten timeouts; answers how many are alive. */
    public int heartbeat() {
        Instant now = wallClock.instant();
        jdbc.update("""
                insert into service_instance (owner, started_at, seen_at) values (?, ?, ?)
                on conflict (owner) do update set seen_at = excluded.seen_at""",
                owner, Timestamp.from(startedAt), Timestamp.from(now));
        jdbc.update("delete from service_instance where seen_at < ?", Timestamp.from(now.minus(timeout.multipliedBy(10))));
        Integer alive = jdbc.queryForObject("select count(*) from service_instance where seen_at >= ?", Integer.class,
                Timestamp.from(now.minus(timeout)));
        return alive == null ? 1 : Math.max(alive, 1);
    }
}
