package org.crmgraph.analytics.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.analytics.purchase.PurchaseHistory;

/** Training purchases as integer arrays, for the item-based baselines: who bought each product, what each bought. */
final class ItemIndex {

    final List<String> skus = new ArrayList<>();
    final Map<String, Integer> items = new HashMap<>();
    final int[][] buyersOf;
    final int[][] boughtBy;

    ItemIndex(PurchaseHistory train) {
        List<String> customers = new ArrayList<>(train.products().keySet());
        customers.sort(null);
        List<List<Integer>> buyers = new ArrayList<>();
        boughtBy = new int[customers.size()][];
        for (int u = 0; u < customers.size(); u++) {
            Set<String> bought = train.of(customers.get(u));
            int[] row = new int[bought.size()];
            int n = 0;
            for (String sku : bought) {
                Integer item = items.get(sku);
                if (item == null) {
                    item = skus.size();
                    items.put(sku, item);
                    skus.add(sku);
                    buyers.add(new ArrayList<>());
                }
                buyers.get(item).add(u);
                row[n++] = item;
            }
            boughtBy[u] = row;
        }
        buyersOf = new int[skus.size()][];
        for (int i = 0; i < skus.size(); i++) {
            buyersOf[i] = buyers.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    int size() {
        return skus.size();
    }

    /** The history's products this index knows. */
    int[] indexes(Set<String> history) {
        return history.stream()
                .map(items::get)
                .filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** The {@code k} best-scored products outside the history, best first, ties by SKU. */
    List<String> top(double[] scores, Set<String> history, int k) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0 && !history.contains(skus.get(i))) {
                candidates.add(i);
            }
        }
        candidates.sort((a, b) -> {
            int byScore = Double.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : skus.get(a).compareTo(skus.get(b));
        });
        return candidates.stream().limit(k).map(skus::get).toList();
    }
}
