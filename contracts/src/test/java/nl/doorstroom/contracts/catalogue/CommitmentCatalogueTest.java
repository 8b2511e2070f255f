package nl.doorstroom.contracts.catalogue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.doorstroom.contracts.catalogue.CatalogueEntry.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitmentCatalogueTest {

    private final CommitmentCatalogue catalogue = CommitmentCatalogue.load();

    @Test
    void the_catalogue_is_dated_on_the_day_of_the_agreement() {
        assertThat(catalogue.agreedOn()).isEqualTo(LocalDate.of(2022, 8, 26));
    }

    @Test
    void every_numbered_article_and_sub_article_is_in_the_catalogue_once_with_an_owner() {
        List<String> expected = new java.util.ArrayList<>(List.of("I.1"));
        for (int i = 1; i <= 9; i++) expected.add("II." + i);
        for (int i = 1; i <= 7; i++) expected.add("II.8." + i);
        for (int i = 1; i <= 15; i++) expected.add("III." + i);
        for (int i = 1; i <= 6; i++) expected.add("III.1." + i);
        for (int i = 1; i <= 4; i++) expected.add("III.2." + i);
        for (int i = 1; i <= 6; i++) expected.add("III.7." + i);
        for (int i = 1; i <= 5; i++) expected.add("III.12." + i);
        Set<String> refs = catalogue.commitments().stream().map(CatalogueEntry::ref).collect(Collectors.toSet());
        assertThat(refs).containsAll(expected);
        assertThat(catalogue.commitments()).allSatisfy(c -> {
            assertThat(c.title()).as(c.ref()).isNotBlank();
            assertThat(c.owedBy()).as(c.ref()).isNotEmpty();
        });
    }

    @Test
    void every_parent_named_by_an_entry_is_itself_in_the_catalogue() {
        assertThat(catalogue.commitments()).filteredOn(c -> c.parent() != null)
                .allSatisfy(c -> assertThat(catalogue.find(c.parent())).as(c.ref()).isPresent());
    }

    @Test
    void the_agreements_figures_are_the_targets() {
        assertThat(catalogue.find("III.1").orElseThrow().target().amount()).isEqualByComparingTo("450");
        assertThat(catalogue.find("INL.1").orElseThrow().target().amount()).isEqualByComparingTo("51000");
        assertThat(catalogue.find("II.2").orElseThrow().target().amount()).isEqualByComparingTo("37500");
        assertThat(catalogue.find("III.12.4").orElseThrow().target().amount()).isEqualByComparingTo("15300");
        assertThat(catalogue.find("III.2.1").orElseThrow().due()).isEqualTo(LocalDate.of(2022, 10, 1));
    }

    @Test
    void each_service_owns_a_part() {
        for (String service : CommitmentCatalogue.SERVICES) {
            assertThat(catalogue.ownedBy(service)).as(service).isNotEmpty();
        }
    }

    /** Every dated entry of the catalogue, with the moment its text makes it fall due and whether it can be missed. */
    @Test
    void each_dated_entry_falls_due_at_the_moment_its_text_says() {
        Map<String, String> expected = new LinkedHashMap<>();
        // "aan het einde van 2022", "tot en met eind 2024", "in de tweede helft van 2022", "in de LRT van december 2022"
        expected.put("INL.1", "2022-12-31T23:00:00Z");
        expected.put("II.2", "2024-12-31T23:00:00Z");
        expected.put("III.12.1", "2022-12-31T23:00:00Z");
        expected.put("III.12.2", "2022-12-31T23:00:00Z");
        expected.put("III.12.4", "2022-12-31T23:00:00Z");
        // "vanaf volgende week": the week after Friday 26 August 2022 ends on Sunday 4 September
        expected.put("I.1", "2022-09-04T22:00:00Z");
        // "uiterlijk (op) 1 oktober", "op 1 oktober": the whole of 1 October, summer time
        for (String ref : List.of("II.1", "III.2.3", "III.2.4", "III.7.5", "III.7.6", "III.11")) {
            expected.put(ref, "2022-10-01T22:00:00Z");
        }
        // "voor 1 oktober": 1 October itself is too late
        expected.put("III.2.1", "2022-09-30T22:00:00Z");
        expected.put("III.6", "2022-09-30T22:00:00Z");
        // "uiterlijk 1 september", "op 1 september"
        expected.put("III.15", "2022-09-01T22:00:00Z");
        expected.put("III.10", "2022-09-01T22:00:00Z");
        // not deliverables: the dates name a period or a reference, the entry is an effort or a condition
        for (String ref : List.of("INL.2", "III.2", "III.5")) {
            expected.put(ref, "2022-10-01T22:00:00Z");
        }
        expected.put("III.12.3", "2022-12-31T23:00:00Z");

        Map<String, String> dated = catalogue.commitments().stream().filter(c -> c.due() != null)
                .collect(Collectors.toMap(CatalogueEntry::ref, c -> c.dueAt().toString()));
        assertThat(dated).isEqualTo(expected);

        Set<String> missable = catalogue.commitments().stream().filter(CatalogueEntry::missable)
                .map(CatalogueEntry::ref).collect(Collectors.toSet());
        assertThat(missable).doesNotContain("INL.2", "III.2", "III.5", "III.12.3")
                .contains("III.2.1", "III.15", "III.12.4", "INL.1", "I.1", "III.10");
        assertThat(catalogue.find("III.2.1").orElseThrow().dueAt()).isEqualTo(Instant.parse("2022-09-30T22:00:00Z"));
    }

    @Test
    void each_further_date_has_its_own_kind_and_moment() {
        Map<String, String> also = catalogue.commitments().stream()
                .flatMap(c -> c.also().stream().map(a -> Map.entry(c.ref() + "/" + a.due(), a.kind() + " " + a.dueAt())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(also).containsOnly(
                // "loopt in principe tot 1 oktober": the term of the safety-risk area, not a deliverable
                Map.entry("I.1/2022-10-01", "CONDITION 2022-10-01T22:00:00Z"),
                // "beoogde inwerkingtreding 1 januari 2023": a law enters into force at the start of the day
                Map.entry("III.2.3/2023-01-01", "DELIVERABLE 2022-12-31T23:00:00Z"),
                Map.entry("III.2.4/2023-01-01", "DELIVERABLE 2023-01-01T23:00:00Z"),
                // "naar verwachting": a forecast of the 2023-H1 taakstelling
                Map.entry("III.12.2/2023-06-30", "CONDITION 2023-06-30T22:00:00Z"));
    }

    @Test
    void every_entry_says_what_kind_of_commitment_it_is() {
        assertThat(catalogue.commitments()).allSatisfy(c -> assertThat(c.kind()).as(c.ref()).isNotNull());
        assertThat(catalogue.find("III.3").orElseThrow().kind()).as("spant zich maximaal in").isEqualTo(Kind.EFFORT);
        assertThat(catalogue.find("II.9").orElseThrow().kind()).isEqualTo(Kind.MONEY);
        assertThat(catalogue.find("III.12.4").orElseThrow().kind()).isEqualTo(Kind.TARGET);
    }

    @Test
    void a_dated_entry_without_its_due_moment_or_an_entry_without_a_kind_is_refused_when_loaded() {
        CatalogueEntry undecided = new CatalogueEntry("III.15", null, "Communicatie", "tekst", List.of("RIJK"), "deadline",
                Kind.DELIVERABLE, null, LocalDate.of(2022, 9, 1), null, "uiterlijk 1 september 2022", null);
        assertThatThrownBy(() -> new CommitmentCatalogue("test", LocalDate.of(2022, 8, 26), 1, List.of(undecided)))
                .hasMessageContaining("III.15").hasMessageContaining("dueMoment");
        CatalogueEntry kindless = new CatalogueEntry("III.3", null, "Oekraïners", "tekst", List.of("RIJK"), "capacity",
                null, null, null, null, null, null);
        assertThatThrownBy(() -> new CommitmentCatalogue("test", LocalDate.of(2022, 8, 26), 1, List.of(kindless)))
                .hasMessageContaining("III.3").hasMessageContaining("kind");
    }
}
