package org.crmgraph.analytics.similarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crmgraph.analytics.purchase.PurchaseHistory;

/** The most bought products per group of customers: what a community or a country buys. */
public final class Favourites {

    /** The key of the group of all customers. */
    public static final String EVERYONE = "ALL";

    private Favourites() {}

    /**
     * The {@code top} products bought by the most customers of each group, best first; {@code groupOf} gives a
     * customer's group or null for none.
     */
    public static <G> Map<G, List<Favourite>> byGroup(PurchaseHistory history, Function<String, G> groupOf, int top) {
        Map<String, Integer> everywhere = new HashMap<>();
        Map<G, Map<String, Integer>> counts = new HashMap<>();
        Map<G, Integer> sizes = new HashMap<>();
        history.products().forEach((customer, skus) -> {
            skus.forEach(sku -> everywhere.merge(sku, 1, Integer::sum));
            G group = groupOf.apply(customer);
            if (group != null) {
                sizes.merge(group, 1, Integer::sum);
                Map<String, Integer> groupCounts = counts.computeIfAbsent(group, g -> new HashMap<>());
                skus.forEach(sku -> groupCounts.merge(sku, 1, Integer::sum));
            }
        });
        double customers = history.products().size();
        Map<G, List<Favourite>> favourites = new HashMap<>();
        counts.forEach((group, groupCounts) -> {
            double size = sizes.get(group);
            List<Favourite> list = new ArrayList<>();
            groupCounts.forEach((sku, buyers) -> list.add(
                    new Favourite(sku, buyers, buyers / size, (buyers / size) / (everywhere.get(sku) / customers))));
            list.sort(Comparator.comparingInt(Favourite::buyers).reversed().thenComparing(Favourite::sku));
            favourites.put(group, List.copyOf(list.subList(0, Math.min(top, list.size()))));
        });
        return favourites;
    }

    /**
     * The products that set a group apart: the highest lift, above 1, among products at least {@code minShare} of the
     * group bought (so one odd purchase in a small group does not characterise it, nor does what everyone buys).
     */
    public static Map<Integer, List<Favourite>> characteristic(
            PurchaseHistory history, Map<String, Integer> groups, int top, double minShare) {
        Map<Integer, List<Favourite>> all = byGroup(history, groups::get, Integer.MAX_VALUE);
        Map<Integer, List<Favourite>> characteristic = new HashMap<>();
        all.forEach((group, list) -> characteristic.put(
                group,
                list.stream()
                        .filter(f -> f.share() >= minShare && f.buyers() >= 2 && f.lift() > 1.0)
                        .sorted(Comparator.comparingDouble(Favourite::lift)
                                .reversed()
                                .thenComparing(Favourite::sku))
                        .limit(top)
                        .toList()));
        return characteristic;
    }
}
