package nl.doorstroom.platform.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * COA and IND cannot report what has not happened yet: a business date after today on the business clock, in Dutch
 * time, is refused before it becomes an event (and goes to the DLT at once: retrying never makes it true).
 */
class FutureReportsTest {

    private static final String OPENED = "nl.coa.locaties.LocatieGeopend.v1";
    private static final String GRANTED = "nl.ind.vergunningen.VergunningenVerleend.v1";
    /** Wednesday 30 November 2022, 23:30 UTC: already 1 December in the Netherlands. */
    private static final Clock LATE_EVENING = Clock.fixed(Instant.parse("2022-11-30T23:30:00Z"), ZoneOffset.UTC);
    private static final InboundMessages INBOUND = new InboundMessages(null, new ObjectMapper(), LATE_EVENING);

    @Test
    void a_location_opened_on_a_later_day_is_refused_naming_the_date() {
        assertThatThrownBy(() -> INBOUND.read(opened("2022-12-02"), Set.of(OPENED)))
                .isInstanceOf(RejectedMessage.class)
                .hasMessageContaining("/datum: lies after today")
                .hasMessageContaining("cannot come from the future (today is 2022-12-01)");
    }

    @Test
    void today_in_the_netherlands_is_not_the_future_though_it_is_tomorrow_in_utc() {
        assertThat(INBOUND.read(opened("2022-12-01"), Set.of(OPENED)).data().get("datum").asText()).isEqualTo("2022-12-01");
    }

    @Test
    void a_weekly_count_of_a_week_that_has_not_begun_is_refused_and_this_weeks_is_taken() {
        assertThatThrownBy(() -> INBOUND.read(granted("2022-W49"), Set.of(GRANTED)))
                .isInstanceOf(RejectedMessage.class)
                .hasMessageContaining("/week: begins after today");
        assertThat(INBOUND.read(granted("2022-W48"), Set.of(GRANTED)).data().get("week").asText()).isEqualTo("2022-W48");
    }

    private static ConsumerRecord<String, byte[]> opened(String datum) {
        return record("coa.locaties.v1", OPENED, """
                {"locatieId":"COA-TA","naam":"Ter Apel","plaatsen":{"ASIELZOEKERS":2000},"datum":"%s"}""".formatted(datum));
    }

    private static ConsumerRecord<String, byte[]> granted(String week) {
        return record("ind.vergunningen.v1", GRANTED, """
                {"week":"%s","aantallen":{"ASIEL":850,"NAREIS":310}}""".formatted(week));
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String type, String data) {
        String value = """
                {"specversion":"1.0","id":"%s","source":"/test","type":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, data);
        return new ConsumerRecord<>(topic, 0, 0, "k", value.getBytes(StandardCharsets.UTF_8));
    }
}
