package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingEvents.GemeenteShare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerdelingTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {13_500, 20_400, 23_900, 1, 341, 343})
    void the_taakstelling_is_divided_in_proportion_to_population_and_the_parts_add_up_exactly(int total) {
        List<GemeenteShare> shares = Verdeling.byPopulation(total, Gemeenten.all());

        assertThat(shares).hasSize(342);
        assertThat(shares.stream().mapToInt(GemeenteShare::share).sum()).isEqualTo(total);
        BigInteger population = BigInteger.valueOf(Gemeenten.totalInwoners());
        for (GemeenteShare s : shares) {
            // |share - total * inwoners / population| < 1, compared without rounding
            BigInteger exactTimesPopulation = BigInteger.valueOf(total).multiply(BigInteger.valueOf(s.inwoners()));
            BigInteger difference = BigInteger.valueOf(s.share()).multiply(population).subtract(exactTimesPopulation).abs();
            assertThat(difference).as(s.gemeente()).isLessThan(population);
        }
    }

    @Test
    void of_13500_in_2022_H2_amsterdam_gets_693_and_groningen_180() {
        List<GemeenteShare> shares = Verdeling.byPopulation(13_500, Gemeenten.all());
        assertThat(shares).contains(new GemeenteShare("GM0363", 903_399, 693), new GemeenteShare("GM0014", 234_950, 180));
        assertThat(shares.stream().filter(s -> Gemeenten.find(s.gemeente()).orElseThrow().provincieCode().equals("PV20"))
                .mapToInt(GemeenteShare::share).sum()).isEqualTo(452);
    }

    @Test
    void the_persons_left_over_go_to_the_largest_remainders() {
        // 23,900 × 903,399 / 17,590,672 = 1227.43: rounded down, because 171 larger remainders take the 171 left over
        assertThat(Verdeling.byPopulation(23_900, Gemeenten.all())).contains(new GemeenteShare("GM0363", 903_399, 1227));
        // 20,400 × 903,399 / 17,590,672 = 1047.68: rounded up
        assertThat(Verdeling.byPopulation(20_400, Gemeenten.all())).contains(new GemeenteShare("GM0363", 903_399, 1048));
    }

    @Test
    void the_same_inputs_always_give_the_same_distribution() {
        assertThat(Verdeling.byPopulation(13_500, Gemeenten.all())).isEqualTo(Verdeling.byPopulation(13_500, Gemeenten.all()));
    }
}
