package nl.doorstroom.platform.time;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BusinessClockTest {

    private static final Instant AGREEMENT = Instant.parse("2022-08-26T00:00:00Z");

    @Test
    void stands_at_its_start_until_the_wall_clock_reaches_wall_start_then_runs_at_its_speed() throws Exception {
        Instant wallStart = Instant.now().plusMillis(300);
        Clock clock = new ClockConfiguration.AcceleratedClock(AGREEMENT, wallStart, 86_400, ZoneOffset.UTC);

        assertThat(clock.instant()).isEqualTo(AGREEMENT);
        Thread.sleep(Duration.between(Instant.now(), wallStart).toMillis() + 500);

        // half a wall second or a little more, at one business day per wall second
        Duration elapsed = Duration.between(AGREEMENT, clock.instant());
        assertThat(elapsed).isBetween(Duration.ofHours(11), Duration.ofHours(20));
    }

    @Test
    void every_service_given_the_same_wall_start_reads_the_same_business_time() {
        Instant wallStart = Instant.now().minusSeconds(600);
        Clock capacity = new ClockConfiguration.AcceleratedClock(AGREEMENT, wallStart, 100_000, ZoneOffset.UTC);
        Clock housing = new ClockConfiguration.AcceleratedClock(AGREEMENT, wallStart, 100_000, ZoneOffset.UTC);

        assertThat(Duration.between(capacity.instant(), housing.instant()).abs()).isLessThan(Duration.ofMinutes(30));
        // ten wall minutes at 100,000 times: 694 business days, without overflowing
        assertThat(capacity.instant()).isBetween(Instant.parse("2024-07-19T00:00:00Z"), Instant.parse("2024-07-21T00:00:00Z"));
    }

    @Test
    void processor_latency_is_measured_on_business_time_not_on_the_wall_clock() {
        Clock businessClock = Clock.fixed(Instant.parse("2022-10-01T12:00:00Z"), ZoneOffset.UTC);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MessageMonitor<? super EventMessage<?>> monitor = new BusinessTimeMetricRegistry(meters, businessClock)
                .registerEventProcessor("capacity-projection", m -> Tags.empty(), m -> Tags.empty());

        EventMessage<String> recordedFiveSecondsEarlier = new GenericEventMessage<>(
                "id-1", "CnoLocationOpened", MetaData.emptyInstance(), Instant.parse("2022-10-01T11:59:55Z"));
        monitor.onMessageIngested(recordedFiveSecondsEarlier).reportSuccess();

        double latencyMillis = meters.get("capacity-projection.latency").gauge().value();
        assertThat(latencyMillis).isCloseTo(5_000, within(1.0));
    }
}
