package nl.doorstroom.contracts.catalogue;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

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
}
