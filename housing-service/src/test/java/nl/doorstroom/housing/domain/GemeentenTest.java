package nl.doorstroom.housing.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GemeentenTest {

    @Test
    void the_reference_list_holds_the_342_municipalities_of_2023_with_the_population_of_1_january_2022() {
        assertThat(Gemeenten.all()).hasSize(342);
        assertThat(Gemeenten.totalInwoners()).isEqualTo(17_590_672L);
        assertThat(Gemeenten.all()).allSatisfy(g -> {
            assertThat(g.code()).matches("GM[0-9]{4}");
            assertThat(g.veiligheidsregioCode()).matches("VR(0[1-9]|1[0-9]|2[0-5])");
            assertThat(g.inwoners()).isPositive();
        });
    }

    @Test
    void the_municipalities_lie_in_the_12_provinces() {
        assertThat(Gemeenten.provincies()).hasSize(12).containsEntry("PV20", "Groningen").containsEntry("PV24", "Flevoland");
        Map<String, Long> perProvince = Gemeenten.all().stream()
                .collect(Collectors.groupingBy(Gemeente::provincieNaam, Collectors.counting()));
        assertThat(perProvince).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("Drenthe", 12L), Map.entry("Flevoland", 6L), Map.entry("Fryslân", 18L),
                Map.entry("Gelderland", 51L), Map.entry("Groningen", 10L), Map.entry("Limburg", 31L),
                Map.entry("Noord-Brabant", 56L), Map.entry("Noord-Holland", 44L), Map.entry("Overijssel", 25L),
                Map.entry("Utrecht", 26L), Map.entry("Zeeland", 13L), Map.entry("Zuid-Holland", 50L)));
        assertThat(Gemeenten.inProvincie("PV26")).hasSize(26);
    }

    @Test
    void a_quoted_name_keeps_its_commas() {
        assertThat(Gemeenten.find("GM0820")).get().satisfies(g -> {
            assertThat(g.naam()).isEqualTo("Nuenen, Gerwen en Nederwetten");
            assertThat(g.inwoners()).isEqualTo(23_826L);
            assertThat(g.provincieCode()).isEqualTo("PV30");
        });
    }

    @Test
    void a_municipality_that_merged_away_counts_for_the_one_it_joined() {
        assertThat(Gemeenten.find("GM0457")).get().extracting(Gemeente::naam).isEqualTo("Amsterdam");
        assertThat(Gemeenten.find("GM0501")).get().extracting(Gemeente::code).isEqualTo("GM1992");
        assertThat(Gemeenten.find("GM0363")).get().extracting(Gemeente::inwoners).isEqualTo(903_399L);
        assertThat(Gemeenten.find("GM9999")).isEmpty();
    }
}
