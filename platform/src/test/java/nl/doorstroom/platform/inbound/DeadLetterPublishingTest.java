package nl.doorstroom.platform.inbound;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.doorstroom.platform.autoconfigure.DoorstroomProperties;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class DeadLetterPublishingTest {

    @Test
    @SuppressWarnings("unchecked")
    void every_inbound_topic_has_its_dead_letter_counter_at_zero_from_the_start_so_the_first_dead_letter_shows_as_an_increase() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeadLetterPublishing publishing = new DeadLetterPublishing();
        publishing.inboundErrorHandler(publishing.inboundDeadLetters(new DeadLetterSends(mock(KafkaTemplate.class), new DeadLetterRedaction(List.of())), new DeadLetterRedaction(List.of()), meters), meters,
                new DoorstroomProperties("capacity", List.of("coa.locaties.v1", "coa.bezetting.v1"), 3, null));

        assertThat(meters.find("doorstroom.inbound.dead.lettered").counters())
                .extracting(c -> c.getId().getTag("topic"), c -> c.count())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("coa.locaties.v1", 0.0),
                        org.assertj.core.groups.Tuple.tuple("coa.bezetting.v1", 0.0));
    }
}
