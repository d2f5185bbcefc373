package org.crmgraph.analytics.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * EASE^R (Steck 2019): a linear item-to-item model with no hidden layer, B = I - P diag(1 / diag(P)) with P = (X'X +
 * λI)^-1, fitted in closed form; a customer's scores are its purchases times B. The inverse is of a products × products
 * matrix, so it is fitted on the {@value #MAX_ITEMS} products with the most buyers (the others are never
 * recommended by it): on Online Retail they hold most purchases.
 */
final class EaseBaseline implements ItemBaseline {

    static final int MAX_ITEMS = 1_500;

    private final double lambda;
    private final ItemIndex index;
    private final int[] items;
    private final int[] position;
    private final double[][] weights;

    EaseBaseline(ItemIndex index, double lambda) {
        this.lambda = lambda;
        this.index = index;
        int n = index.size();
        Integer[] byBuyers = new Integer[n];
        for (int i = 0; i < n; i++) {
            byBuyers[i] = i;
        }
        Arrays.sort(byBuyers, Comparator.comparingInt((Integer i) -> -index.buyersOf[i].length));
        int m = Math.min(MAX_ITEMS, n);
        items = new int[m];
        position = new int[n];
        Arrays.fill(position, -1);
        for (int p = 0; p < m; p++) {
            items[p] = byBuyers[p];
            position[byBuyers[p]] = p;
        }
        double[][] gram = new double[m][m];
        for (int[] bought : index.boughtBy) {
            for (int a : bought) {
                int pa = position[a];
                if (pa < 0) {
                    continue;
                }
                for (int b : bought) {
                    int pb = position[b];
                    if (pb >= 0) {
                        gram[pa][pb]++;
                    }
                }
            }
        }
        for (int p = 0; p < m; p++) {
            gram[p][p] += lambda;
        }
        RealMatrix inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(gram, false))
                .getSolver()
                .getInverse();
        weights = new double[m][m];
        for (int j = 0; j < m; j++) {
            double diagonal = inverse.getEntry(j, j);
            for (int i = 0; i < m; i++) {
                weights[i][j] = i == j ? 0 : -inverse.getEntry(i, j) / diagonal;
            }
        }
    }

    @Override
    public String name() {
        return "EASE^R (lambda " + (int) lambda + ")";
    }

    @Override
    public List<String> recommend(Set<String> history, int k) {
        double[] scores = new double[index.size()];
        for (int i : index.indexes(history)) {
            int p = position[i];
            if (p < 0) {
                continue;
            }
            double[] row = weights[p];
            for (int q = 0; q < items.length; q++) {
                scores[items[q]] += row[q];
            }
        }
        return index.top(scores, history, k);
    }
}
