package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingEvents.GemeenteShare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Divides a national taakstelling over municipalities in proportion to population (Huisvestingswet 2014) by the
 * largest-remainder method: each gets the whole part of its exact share, and the persons left over go one each
 * to the largest remainders (ties: the smaller CBS code first). The parts add up to the total exactly and each
 * lies within 1 of its exact share. Integer arithmetic only, so anyone recomputes the same figures.
 */
public final class Verdeling {

    public static final String METHOD = "largest remainder on population; ties to the lower gm_code";

    private Verdeling() {
    }

    public static List<GemeenteShare> byPopulation(int total, Collection<Gemeente> gemeenten) {
        long population = gemeenten.stream().mapToLong(Gemeente::inwoners).sum();
        record Part(Gemeente gemeente, long whole, long remainder) {
        }
        List<Part> parts = new ArrayList<>();
        long given = 0;
        for (Gemeente g : gemeenten) {
            long scaled = (long) total * g.inwoners();
            parts.add(new Part(g, scaled / population, scaled % population));
            given += scaled / population;
        }
        long leftOver = total - given;
        List<Part> byRemainder = parts.stream()
                .sorted(Comparator.comparingLong(Part::remainder).reversed().thenComparing(p -> p.gemeente().code()))
                .toList();
        Set<String> extra = byRemainder.subList(0, (int) leftOver).stream().map(p -> p.gemeente().code()).collect(Collectors.toSet());
        return parts.stream()
                .sorted(Comparator.comparing(p -> p.gemeente().code()))
                .map(p -> new GemeenteShare(p.gemeente().code(), p.gemeente().inwoners(),
                        (int) p.whole() + (extra.contains(p.gemeente().code()) ? 1 : 0)))
                .toList();
    }
}
