package org.crmgraph.analytics.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Item-to-item baselines that keep, per product, its {@value #NEIGHBOURS} strongest neighbours and score a candidate by
 * the sum of its weights from the products a customer bought:
 * <ul>
 *   <li><b>item-kNN</b>: cosine similarity of the products' buyer sets with shrinkage, |U_i ∩ U_j| / (sqrt(|U_i|
 *       |U_j|) + h), which discounts overlaps of rarely bought products;</li>
 *   <li><b>RP3beta</b> (Paudel et al. 2017): the three-step random walk product → buyer → product on the purchase graph,
 *       P(j | i) = (1 / |U_i|) Σ over buyers u of both (1 / |I_u|), divided by |U_j|^β so the walk does not only end on
 *       best sellers.</li>
 * </ul>
 */
final class NeighbourBaseline implements ItemBaseline {

    static final int NEIGHBOURS = 100;

    private final String name;
    private final ItemIndex index;
    private final int[][] neighbours;
    private final double[][] weights;

    private NeighbourBaseline(String name, ItemIndex index, int[][] neighbours, double[][] weights) {
        this.name = name;
        this.index = index;
        this.neighbours = neighbours;
        this.weights = weights;
    }

    static NeighbourBaseline itemKnn(ItemIndex index, double shrink) {
        return build(
                "item-kNN (shrink " + (int) shrink + ")",
                index,
                (i, j, overlap, walk) ->
                        overlap / (Math.sqrt((double) index.buyersOf[i].length * index.buyersOf[j].length) + shrink));
    }

    static NeighbourBaseline rp3beta(ItemIndex index, double beta) {
        return build(
                "RP3beta (beta " + beta + ")",
                index,
                (i, j, overlap, walk) -> walk / index.buyersOf[i].length / Math.pow(index.buyersOf[j].length, beta));
    }

    @FunctionalInterface
    private interface Weight {
        /** From i to j, given how many customers bought both and the walk's sum of 1 / |I_u| over them. */
        double of(int i, int j, int overlap, double walk);
    }

    private static NeighbourBaseline build(String name, ItemIndex index, Weight weight) {
        int n = index.size();
        int[][] neighbours = new int[n][];
        double[][] weights = new double[n][];
        int[] overlap = new int[n];
        double[] walk = new double[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int u : index.buyersOf[i]) {
                int[] bought = index.boughtBy[u];
                double step = 1.0 / bought.length;
                for (int j : bought) {
                    if (j == i) {
                        continue;
                    }
                    if (overlap[j] == 0) {
                        touched[count++] = j;
                    }
                    overlap[j]++;
                    walk[j] += step;
                }
            }
            double[] scored = new double[count];
            for (int c = 0; c < count; c++) {
                int j = touched[c];
                scored[c] = weight.of(i, j, overlap[j], walk[j]);
            }
            Integer[] order = new Integer[count];
            for (int c = 0; c < count; c++) {
                order[c] = c;
            }
            Arrays.sort(order, (a, b) -> Double.compare(scored[b], scored[a]));
            int keep = Math.min(NEIGHBOURS, count);
            neighbours[i] = new int[keep];
            weights[i] = new double[keep];
            for (int c = 0; c < keep; c++) {
                neighbours[i][c] = touched[order[c]];
                weights[i][c] = scored[order[c]];
            }
            for (int c = 0; c < count; c++) {
                overlap[touched[c]] = 0;
                walk[touched[c]] = 0;
            }
        }
        return new NeighbourBaseline(name, index, neighbours, weights);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> recommend(Set<String> history, int k) {
        double[] scores = new double[index.size()];
        for (int i : index.indexes(history)) {
            for (int c = 0; c < neighbours[i].length; c++) {
                scores[neighbours[i][c]] += weights[i][c];
            }
        }
        return index.top(scores, history, k);
    }
}
