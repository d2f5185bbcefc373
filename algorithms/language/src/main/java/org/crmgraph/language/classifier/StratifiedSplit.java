package org.crmgraph.language.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Holds out the same share of every category, so a rare category is validated too. A category with a
 * single example only trains. Seeded: the same data gives the same split.
 */
public record StratifiedSplit<T>(List<T> train, List<T> validation) {

    public static <T> StratifiedSplit<T> of(List<T> items, Function<T, String> label, double holdout, long seed) {
        Map<String, List<T>> byLabel = new TreeMap<>();
        for (T item : items) {
            byLabel.computeIfAbsent(label.apply(item), k -> new ArrayList<>()).add(item);
        }
        Random random = new Random(seed);
        List<T> train = new ArrayList<>();
        List<T> validation = new ArrayList<>();
        for (List<T> group : byLabel.values()) {
            List<T> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            int held = group.size() < 2 ? 0 : (int) Math.round(group.size() * holdout);
            held = Math.min(held, group.size() - 1);
            validation.addAll(shuffled.subList(0, held));
            train.addAll(shuffled.subList(held, shuffled.size()));
        }
        return new StratifiedSplit<>(train, validation);
    }
}
