package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.Gemeente;
import nl.doorstroom.housing.domain.Gemeenten;
import nl.doorstroom.housing.domain.HousingEvents.GemeenteShare;
import nl.doorstroom.housing.domain.HousingEvents.HousingRecorded;
import nl.doorstroom.housing.domain.HousingEvents.StatushouderLinked;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingAssigned;
import nl.doorstroom.housing.domain.HousingForm;
import nl.doorstroom.housing.domain.Verdeling;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static nl.doorstroom.housing.domain.HousingForm.FLEXWONING;
import static nl.doorstroom.housing.domain.HousingForm.REGULIERE_WONINGVOORRAAD;
import static org.assertj.core.api.Assertions.assertThat;

class MunicipalityPeriodStateTest {

    private static final LocalDate AUGUST_26 = LocalDate.of(2022, 8, 26);
    private static final LocalDate NOVEMBER_1 = LocalDate.of(2022, 11, 1);

    private static MunicipalityPeriodState fold(List<Object> events) {
        MunicipalityPeriodState state = null;
        for (Object e : events) {
            state = MunicipalityPeriodState.evolve(state, e);
        }
        return state;
    }

    @Test
    void a_municipality_counts_its_corrected_taakstelling_and_what_it_housed_per_housing_form() {
        MunicipalityPeriodState s = fold(List.of(
                new HousingRecorded("GM0363", "PV27", "2023-H1", 10, FLEXWONING, null, LocalDate.of(2023, 1, 5)),
                new TaakstellingAssigned("GM0363", "PV27", "2023-H1", 1227, 193, 1420, AUGUST_26),
                new HousingRecorded("GM0363", "PV27", "2023-H1", 90, REGULIERE_WONINGVOORRAAD, "Z-1", LocalDate.of(2023, 2, 1)),
                new StatushouderLinked("GM0363", "PV27", "Z-2", LocalDate.of(2023, 2, 2))));
        assertThat(s.corrected()).isEqualTo(1420);
        assertThat(s.backlog()).isEqualTo(193);
        assertThat(s.housed()).isEqualTo(100);
        assertThat(s.linked()).isEqualTo(1);
        assertThat(s.housedByForm()).containsEntry(FLEXWONING, 10).containsEntry(REGULIERE_WONINGVOORRAAD, 90);
        assertThat(HousingFigures.of(s).remaining()).isEqualTo(1320);
        assertThat(HousingFigures.of(s).shareRealisedPercent()).isEqualByComparingTo("7.0");
    }

    @Test
    void a_province_is_the_sum_of_its_municipalities_and_the_country_the_sum_of_the_provinces() {
        List<Object> events = new ArrayList<>();
        int i = 0;
        for (GemeenteShare share : Verdeling.byPopulation(13_500, Gemeenten.all())) {
            String pv = Gemeenten.find(share.gemeente()).orElseThrow().provincieCode();
            events.add(new TaakstellingAssigned(share.gemeente(), pv, "2022-H2", share.share(), 0, share.share(), AUGUST_26));
            HousingForm form = HousingForm.values()[i++ % HousingForm.values().length];
            events.add(new HousingRecorded(share.gemeente(), pv, "2022-H2", 1 + share.share() / 2, form, null, NOVEMBER_1));
        }
        Map<String, HousingFigures> perGemeente = events.stream()
                .collect(Collectors.groupingBy(MunicipalityPeriodState::keyOf)).values().stream()
                .map(MunicipalityPeriodStateTest::fold)
                .collect(Collectors.toMap(MunicipalityPeriodState::gemeente, HousingFigures::of));

        Map<String, HousingFigures> perProvince = Gemeenten.all().stream()
                .collect(Collectors.groupingBy(Gemeente::provincieCode,
                        Collectors.mapping(g -> perGemeente.get(g.code()), Collectors.reducing(HousingFigures.ZERO, HousingFigures::plus))));
        HousingFigures national = HousingFigures.sum(perProvince.values());

        assertThat(perProvince).hasSize(12);
        HousingFigures utrecht = perProvince.get("PV26");
        assertThat(utrecht.housed()).isEqualTo(Gemeenten.inProvincie("PV26").stream().mapToLong(g -> perGemeente.get(g.code()).housed()).sum());
        assertThat(utrecht.corrected()).isEqualTo(Gemeenten.inProvincie("PV26").stream().mapToLong(g -> perGemeente.get(g.code()).corrected()).sum());
        assertThat(national.taakstelling()).isEqualTo(13_500);
        assertThat(national.corrected()).isEqualTo(13_500);
        assertThat(national.housed()).isEqualTo(perGemeente.values().stream().mapToLong(HousingFigures::housed).sum());
        assertThat(national.housedByForm().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(national.housed());
    }
}
