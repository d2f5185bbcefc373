package org.crmgraph.analytics.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.crmgraph.analytics.similarity.Neighbour;

/**
 * EASE^R (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", 2019): a linear product-to-product model
 * fitted in closed form, B = I - P diag(1 / diag(P)) with P = (X'X + λI)^-1 over who bought what; a customer's scores
 * are its purchases times B. Unlike a similarity, a weight says what a product adds given everything else the customer
 * bought, so products bought by the same people for different reasons do not reinforce each other. The inverse is of
 * a products × products matrix, so the model covers the {@code maxProducts} products with the most buyers (on Online
 * Retail 1,500 of 3,600 hold most purchases); the others get no weights.
 */
public final class EaseModel {

    /** How many products (the most bought) the model covers: the live signal and the baseline alike. */
    public static final int COVERED_PRODUCTS = 1_500;

    private final double lambda;
    private final List<String> skus;
    private final Map<String, Integer> position;
    private final double[][] weights;

    private EaseModel(double lambda, List<String> skus, Map<String, Integer> position, double[][] weights) {
        this.lambda = lambda;
        this.skus = skus;
        this.position = position;
        this.weights = weights;
    }

    /** Fitted on these purchases with ridge strength {@code lambda}. */
    public static EaseModel fit(PurchaseHistory history, double lambda, int maxProducts) {
        Map<String, Integer> buyers = new HashMap<>();
        history.products().values().forEach(skus -> skus.forEach(sku -> buyers.merge(sku, 1, Integer::sum)));
        List<String> skus = buyers.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxProducts)
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Integer> position = new HashMap<>();
        for (int p = 0; p < skus.size(); p++) {
            position.put(skus.get(p), p);
        }
        int m = skus.size();
        double[][] gram = new double[m][m];
        for (Set<String> bought : history.products().values()) {
            int[] rows = bought.stream()
                    .map(position::get)
                    .filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue)
                    .toArray();
            for (int a : rows) {
                for (int b : rows) {
                    gram[a][b]++;
                }
            }
        }
        for (int p = 0; p < m; p++) {
            gram[p][p] += lambda;
        }
        double[][] weights = new double[m][m];
        if (m > 0) {
            RealMatrix inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(gram, false))
                    .getSolver()
                    .getInverse();
            for (int j = 0; j < m; j++) {
                double diagonal = inverse.getEntry(j, j);
                for (int i = 0; i < m; i++) {
                    weights[i][j] = i == j ? 0 : -inverse.getEntry(i, j) / diagonal;
                }
            }
        }
        return new EaseModel(lambda, skus, position, weights);
    }

    public double lambda() {
        return lambda;
    }

    /** Every covered product's score for a customer who bought {@code history} (bought products included). */
    public Map<String, Double> scores(Set<String> history) {
        double[] scores = new double[skus.size()];
        for (String sku : history) {
            Integer p = position.get(sku);
            if (p == null) {
                continue;
            }
            double[] row = weights[p];
            for (int q = 0; q < row.length; q++) {
                scores[q] += row[q];
            }
        }
        Map<String, Double> bySku = new HashMap<>();
        for (int q = 0; q < scores.length; q++) {
            bySku.put(skus.get(q), scores[q]);
        }
        return bySku;
    }

    /**
     * Per covered product, its {@code perProduct} weights to others largest in size, positive and negative: what the
     * graph keeps. A negative weight says that, given the rest of a basket, this product makes the other less likely.
     * Offline, the 20 largest in size did better than the 20 largest positive ones and than every weight of the model
     * (docs/benchmarks.md): the small weights are mostly noise.
     */
    public Map<String, List<Neighbour>> strongest(int perProduct) {
        Map<String, List<Neighbour>> strongest = new HashMap<>();
        Comparator<Neighbour> bySize = Comparator.comparingDouble((Neighbour n) -> Math.abs(n.score()))
                .reversed()
                .thenComparing(Neighbour::key);
        for (int p = 0; p < skus.size(); p++) {
            List<Neighbour> row = new ArrayList<>();
            for (int q = 0; q < skus.size(); q++) {
                if (weights[p][q] != 0) {
                    row.add(new Neighbour(skus.get(q), weights[p][q]));
                }
            }
            row.sort(bySize);
            if (!row.isEmpty()) {
                strongest.put(skus.get(p), new ArrayList<>(row.subList(0, Math.min(perProduct, row.size()))));
            }
        }
        return strongest;
    }
}
