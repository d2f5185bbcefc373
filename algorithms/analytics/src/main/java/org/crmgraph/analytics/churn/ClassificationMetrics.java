package org.crmgraph.analytics.churn;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Binary classification metrics of predicted probabilities against true labels: precision, recall and F1 of
 * the positive class at a threshold, and ROC-AUC (the probability that a random positive is scored above a
 * random negative, ties counting half), which does not depend on a threshold.
 */
public record ClassificationMetrics(
        int examples, int positives, double precision, double recall, double f1, double accuracy, double rocAuc) {

    static ClassificationMetrics of(double[] probability, boolean[] positive, double threshold) {
        int n = probability.length;
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < n; i++) {
            boolean predicted = probability[i] >= threshold;
            if (predicted && positive[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (positive[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassificationMetrics(
                n, tp + fn, precision, recall, f1, n == 0 ? 0 : (double) (tp + tn) / n, rocAuc(probability, positive));
    }

    /** Mann-Whitney U over ranks, with average ranks for ties. */
    static double rocAuc(double[] probability, boolean[] positive) {
        int n = probability.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> probability[i]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && probability[order[j + 1]] == probability[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int m = i; m <= j; m++) {
                rank[order[m]] = average;
            }
            i = j + 1;
        }
        long positives = 0;
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                positives++;
                rankSum += rank[i];
            }
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
