package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlexHomesStateTest {

    @Test
    void flex_homes_add_up_per_province_and_the_centrally_procured_units_are_counted_apart() {
        FlexHomesState s = null;
        for (Object e : List.of(
                new FlexHomesRealised("GM0034", "PV24", 120, true, LocalDate.of(2022, 11, 1)),
                new FlexHomesRealised("GM0995", "PV24", 30, false, LocalDate.of(2022, 12, 1)),
                new FlexHomesRealised("GM0363", "PV27", 250, false, LocalDate.of(2023, 2, 1)))) {
            s = FlexHomesState.evolve(s, e);
        }
        assertThat(s.total()).isEqualTo(400);
        assertThat(s.centrallyProcured()).isEqualTo(120);
        assertThat(s.perProvincie()).containsEntry("PV24", 150L).containsEntry("PV27", 250L);
    }
}
