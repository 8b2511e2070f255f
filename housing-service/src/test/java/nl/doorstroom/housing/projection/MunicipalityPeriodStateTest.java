package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.Gemeente;
import nl.doorstroom.housing.domain.Gemeenten;
import nl.doorstroom.housing.domain.HousingEvents.GemeenteShare;
import nl.doorstroom.housing.domain.HousingEvents.HousingCorrected;
import nl.doorstroom.housing.domain.HousingEvents.HousingRecorded;
import nl.doorstroom.housing.domain.HousingEvents.PrtAgreementRecorded;
import nl.doorstroom.housing.domain.HousingEvents.StatushouderLinked;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingAssigned;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwapProposed;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwappedIn;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwappedOut;
import nl.doorstroom.housing.domain.HousingForm;
import nl.doorstroom.housing.domain.PrtSubject;
import nl.doorstroom.housing.domain.Verdeling;
import nl.doorstroom.platform.register.EventRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
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
    void a_proposed_swap_waits_beside_the_figures_until_the_receiver_agrees_and_only_then_moves_them() {
        MunicipalityPeriodState proposed = fold(List.of(
                new TaakstellingAssigned("GM0363", "PV27", "2022-H2", 693, 0, 693, AUGUST_26),
                new TaakstellingSwapProposed("2022-H2:GM0363:1", "GM0363", "PV27", "2022-H2", "GM0479", "PV27", 40, "CNO", NOVEMBER_1),
                new TaakstellingSwapProposed("2022-H2:GM0363:2", "GM0363", "PV27", "2022-H2", "GM0453", "PV27", 5, "CNO", NOVEMBER_1)));
        assertThat(proposed.corrected()).isEqualTo(693);
        assertThat(proposed.swapsAwaiting()).extracting(MunicipalityPeriodState.SwapAwaitingAgreement::swapId)
                .containsExactly("2022-H2:GM0363:1", "2022-H2:GM0363:2");

        MunicipalityPeriodState agreed = MunicipalityPeriodState.evolve(proposed, new TaakstellingSwappedOut("2022-H2:GM0363:1",
                "GM0363", "PV27", "2022-H2", "GM0479", "PV27", 40, "CNO", true, NOVEMBER_1, "GM0363", "GM0479"));
        assertThat(agreed.corrected()).isEqualTo(653);
        assertThat(agreed.swappedOut()).isEqualTo(40);
        assertThat(agreed.swapsAwaiting()).extracting(MunicipalityPeriodState.SwapAwaitingAgreement::toGemeente)
                .containsExactly("GM0453");
    }

    @Test
    void what_the_regietafel_recorded_is_kept_in_order_beside_the_figures_which_it_does_not_change() {
        MunicipalityPeriodState s = fold(List.of(
                new TaakstellingAssigned("GM0363", "PV27", "2022-H2", 693, 0, 693, AUGUST_26),
                new PrtAgreementRecorded("GM0363", "PV27", "2022-H2", PrtSubject.PLAN_AFGESTEMD, "plan", LocalDate.of(2022, 9, 20)),
                new PrtAgreementRecorded("GM0363", "PV27", "2022-H2", PrtSubject.AANGESPROKEN, "achter", NOVEMBER_1)));
        assertThat(s.prtEntries()).extracting(MunicipalityPeriodState.PrtEntry::subject)
                .containsExactly(PrtSubject.PLAN_AFGESTEMD, PrtSubject.AANGESPROKEN);
        assertThat(s.corrected()).isEqualTo(693);
        assertThat(s.housed()).isZero();
        assertThat(MunicipalityPeriodState.keyOf(new PrtAgreementRecorded("GM0363", "PV27", "2022-H2",
                PrtSubject.AANGESPROKEN, "achter", NOVEMBER_1))).isEqualTo("2022-H2:GM0363");
    }

    @Test
    void the_events_that_changed_what_a_municipality_housed_are_kept_and_a_link_or_a_correction_to_the_same_count_is_not() {
        List<Object> events = List.of(
                new TaakstellingAssigned("GM0363", "PV27", "2022-H2", 1227, 193, 1420, AUGUST_26),
                new HousingRecorded("GM0363", "PV27", "2022-H2", 90, REGULIERE_WONINGVOORRAAD, "Z-1", NOVEMBER_1),
                new StatushouderLinked("GM0363", "PV27", "Z-2", NOVEMBER_1),
                new HousingCorrected("GM0363", "PV27", "2022-H2", REGULIERE_WONINGVOORRAAD, 90, 90, "geen wijziging", NOVEMBER_1),
                new HousingCorrected("GM0363", "PV27", "2022-H2", REGULIERE_WONINGVOORRAAD, 90, 85, "dubbel geteld", NOVEMBER_1));
        MunicipalityPeriodState s = null;
        for (int i = 0; i < events.size(); i++) {
            Object e = events.get(i);
            s = MunicipalityPeriodState.evolveNoting(s, e, new EventRef("e" + i, "GM0363", (long) i,
                    e.getClass().getSimpleName(), NOVEMBER_1, Instant.parse("2022-11-01T10:00:00Z").plusSeconds(i)));
        }

        assertThat(s.housed()).isEqualTo(85);
        assertThat(s.housedMovedBy().count()).isEqualTo(2);
        assertThat(s.housedMovedBy().latest()).extracting(EventRef::eventIdentifier).containsExactly("e4", "e1");
        assertThat(fold(events).housedMovedBy()).as("a fold without the events' references cannot name them").isNull();
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

    @Test
    void a_swap_moves_corrected_taakstelling_between_two_municipalities_and_leaves_the_province_and_country_unchanged() {
        LocalDate october3 = LocalDate.of(2022, 10, 3);
        List<Object> events = new ArrayList<>();
        for (GemeenteShare share : Verdeling.byPopulation(13_500, Gemeenten.all())) {
            String pv = Gemeenten.find(share.gemeente()).orElseThrow().provincieCode();
            events.add(new TaakstellingAssigned(share.gemeente(), pv, "2022-H2", share.share(), 0, share.share(), AUGUST_26));
        }
        Map<String, HousingFigures> before = perGemeente(events);
        events.add(new TaakstellingSwappedOut("2022-H2:GM0344:1", "GM0344", "PV26", "2022-H2", "GM0307", "PV26", 50,
                "200 CNO-plaatsen", true, october3, null, null));
        events.add(new TaakstellingSwappedIn("2022-H2:GM0344:1", "GM0307", "PV26", "2022-H2", "GM0344", "PV26", 50,
                "200 CNO-plaatsen", true, october3));
        events.add(new TaakstellingSwappedOut("2022-H2:GM0363:1", "GM0363", "PV27", "2022-H2", "GM0344", "PV26", 30,
                "asielopvang", false, october3, null, null));
        events.add(new TaakstellingSwappedIn("2022-H2:GM0363:1", "GM0344", "PV26", "2022-H2", "GM0363", "PV27", 30,
                "asielopvang", false, october3));
        Map<String, HousingFigures> after = perGemeente(events);

        HousingFigures utrecht = after.get("GM0344");
        assertThat(utrecht.swappedOut()).isEqualTo(50);
        assertThat(utrecht.swappedIn()).isEqualTo(30);
        assertThat(utrecht.corrected()).isEqualTo(before.get("GM0344").corrected() - 20);
        assertThat(utrecht.taakstelling()).isEqualTo(before.get("GM0344").taakstelling());
        assertThat(after.get("GM0307").corrected()).isEqualTo(before.get("GM0307").corrected() + 50);
        assertThat(after.get("GM0363").corrected()).isEqualTo(before.get("GM0363").corrected() - 30);

        assertThat(province(after, "PV26").corrected()).isEqualTo(province(before, "PV26").corrected() + 30);
        assertThat(province(after, "PV27").corrected()).isEqualTo(province(before, "PV27").corrected() - 30);
        HousingFigures national = HousingFigures.sum(after.values());
        assertThat(national.corrected()).isEqualTo(13_500);
        assertThat(national.swappedIn()).isEqualTo(national.swappedOut()).isEqualTo(80);
    }

    @Test
    void a_swap_folded_before_the_assignment_it_follows_still_counts() {
        MunicipalityPeriodState s = fold(List.of(
                new TaakstellingSwappedIn("2022-H2:GM0344:1", "GM0307", "PV26", "2022-H2", "GM0344", "PV26", 50,
                        "200 CNO-plaatsen", true, LocalDate.of(2022, 10, 3)),
                new TaakstellingAssigned("GM0307", "PV26", "2022-H2", 121, 0, 121, AUGUST_26)));
        assertThat(s.corrected()).isEqualTo(171);
        assertThat(s.swappedIn()).isEqualTo(50);
        assertThat(s.share()).isEqualTo(121);
    }

    private static Map<String, HousingFigures> perGemeente(List<Object> events) {
        return events.stream()
                .collect(Collectors.groupingBy(MunicipalityPeriodState::keyOf)).values().stream()
                .map(MunicipalityPeriodStateTest::fold)
                .collect(Collectors.toMap(MunicipalityPeriodState::gemeente, HousingFigures::of));
    }

    private static HousingFigures province(Map<String, HousingFigures> perGemeente, String pv) {
        return HousingFigures.sum(Gemeenten.inProvincie(pv).stream().map(g -> perGemeente.get(g.code())).toList());
    }

    @Test
    void a_correction_replaces_the_reported_count_of_its_housing_form_by_its_change() {
        LocalDate december15 = LocalDate.of(2022, 12, 15);
        MunicipalityPeriodState s = fold(List.of(
                new TaakstellingAssigned("GM1774", "PV23", "2022-H2", 14, 0, 14, AUGUST_26),
                new HousingRecorded("GM1774", "PV23", "2022-H2", 40, REGULIERE_WONINGVOORRAAD, null, december15),
                new HousingRecorded("GM1774", "PV23", "2022-H2", 3, FLEXWONING, null, NOVEMBER_1),
                new HousingCorrected("GM1774", "PV23", "2022-H2", REGULIERE_WONINGVOORRAAD, 40, 35, "dubbel geteld", december15)));
        assertThat(s.housed()).isEqualTo(38);
        assertThat(s.housedByForm()).containsEntry(REGULIERE_WONINGVOORRAAD, 35).containsEntry(FLEXWONING, 3);
        assertThat(MunicipalityPeriodState.keyOf(new HousingCorrected("GM1774", "PV23", "2022-H2", FLEXWONING, 3, 2, "x", december15)))
                .isEqualTo("2022-H2:GM1774");
    }
}
