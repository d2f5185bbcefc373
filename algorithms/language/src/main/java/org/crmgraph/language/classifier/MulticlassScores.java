package org.crmgraph.language.classifier;

import java.util.List;

/**
 * Accuracy and macro-averaged F1 of predicted against true labels. Macro-F1 weighs every category equally, so a
 * classifier cannot hide a category it never gets right behind the frequent ones.
 */
public record MulticlassScores(int count, double accuracy, double macroF1) {

    public static MulticlassScores of(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "truth and predictions differ in length: " + truth.size() + " vs " + predicted.size());
        }
        if (truth.isEmpty()) {
            return new MulticlassScores(0, 0, 0);
        }
        java.util.Map<String, int[]> counts =
                new java.util.TreeMap<>(); // true positives, false positives, false negatives
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            String t = truth.get(i);
            String p = predicted.get(i);
            counts.computeIfAbsent(t, k -> new int[3]);
            if (t.equals(p)) {
                correct++;
                counts.get(t)[0]++;
            } else {
                counts.get(t)[2]++;
                if (p != null) {
                    counts.computeIfAbsent(p, k -> new int[3])[1]++;
                }
            }
        }
        double f1Sum = 0;
        int classes = 0;
        for (var entry : counts.entrySet()) {
            int[] c = entry.getValue();
            if (c[0] + c[2] == 0) {
                continue; // a category never true in this sample: its F1 is undefined, leave it out
            }
            classes++;
            double denominator = 2.0 * c[0] + c[1] + c[2];
            f1Sum += denominator == 0 ? 0 : 2.0 * c[0] / denominator;
        }
        return new MulticlassScores(truth.size(), (double) correct / truth.size(), classes == 0 ? 0 : f1Sum / classes);
    }
}
