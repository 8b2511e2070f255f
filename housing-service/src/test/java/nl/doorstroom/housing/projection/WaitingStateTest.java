package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingEvents.StatushouderLinked;
import nl.doorstroom.housing.domain.HousingEvents.VergunningenVerleend;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static nl.doorstroom.housing.domain.VergunningType.ASIEL;
import static nl.doorstroom.housing.domain.VergunningType.NAREIS;
import static org.assertj.core.api.Assertions.assertThat;

class WaitingStateTest {

    @Test
    void new_status_holders_wait_until_coa_links_them_to_a_municipality() {
        WaitingState s = null;
        for (Object e : List.of(
                new VergunningenVerleend("2022-W35", Map.of(ASIEL, 900, NAREIS, 300), LocalDate.of(2022, 8, 29)),
                new VergunningenVerleend("2022-W36", Map.of(ASIEL, 800), LocalDate.of(2022, 9, 5)),
                new StatushouderLinked("GM0363", "PV27", "Z-1", LocalDate.of(2022, 9, 6)),
                new VergunningenVerleend("2022-W35", Map.of(ASIEL, 950, NAREIS, 300), LocalDate.of(2022, 8, 29)))) {
            s = WaitingState.evolve(s, e);
        }
        assertThat(s.granted()).isEqualTo(2050);
        assertThat(s.linked()).isEqualTo(1);
        assertThat(s.waiting()).isEqualTo(2049);
    }
}
