package org.crmgraph.analytics.lifetime;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.crmgraph.graph.cypher.CypherRunner;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Predicts each buying customer's lifetime value with BG/NBD and Gamma-Gamma fitted on the whole graph, and grades
 * the prediction against the run-rate formula on a time split. Written for analysts: on each customer
 * {@code predictedLifetimeValue} (expected spend over {@code horizon-days}), {@code expectedPurchases} (purchase days
 * in that horizon) and {@code probabilityAlive}; the fitted parameters and the grading on one
 * {@code (:LifetimeValueModel)} node.
 */
@Service
@EnableConfigurationProperties(LifetimeValueProperties.class)
public class LifetimeValues {

    /** The name of the model node. */
    public static final String MODEL = "bg-nbd-gamma-gamma";

    private static final int WRITE_BATCH = 10_000;

    private static final String WRITE = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.id})
            SET c += row.predictions, c.lifetimeValueAsOf = $asOf, c.lifetimeValueFit = $fit
            """;
    // customers this fit did not predict (they no longer have orders) lose the previous fit's predictions
    private static final String CLEAR = """
            MATCH (c:Customer) WHERE c.lifetimeValueFit IS NOT NULL AND ($fit IS NULL OR c.lifetimeValueFit <> $fit)
            REMOVE c.predictedLifetimeValue, c.expectedPurchases, c.probabilityAlive, c.lifetimeValueAsOf,
                   c.lifetimeValueFit
            """;
    private static final String WRITE_MODEL = """
            MERGE (m:LifetimeValueModel {name: $name})
            SET m += $model, m.fittedAt = datetime()
            """;
    private static final String DROP_MODEL = """
            MATCH (m:LifetimeValueModel {name: $name}) DELETE m
            """;
    private static final String READ_MODEL = """
            MATCH (m:LifetimeValueModel {name: $name}) RETURN m
            """;

    private final CypherRunner cypher;
    private final PurchaseDays purchases;
    private final LifetimeValueProperties properties;

    public LifetimeValues(CypherRunner cypher, LifetimeValueProperties properties) {
        this.cypher = cypher;
        this.purchases = new PurchaseDays(cypher);
        this.properties = properties;
    }

    /**
     * Fits both models on every purchase so far, writes each buying customer's predictions, grades the models against
     * the formula, and records both on the model node; a summary for the refresh's report.
     */
    public String refresh() {
        LocalDate end = purchases.end();
        if (end == null) {
            cypher.write(CLEAR, everyFit());
            cypher.write(DROP_MODEL, Map.of("name", MODEL));
            return "no orders: nothing to predict";
        }
        List<RepeatPurchases> customers = purchases.before(end);
        Fitted fitted = fit(customers);
        if (fitted == null) {
            cypher.write(CLEAR, everyFit());
            cypher.write(DROP_MODEL, Map.of("name", MODEL));
            return "too few buying customers (" + customers.size()
                    + ") or repeat buyers to fit a model: no predictions";
        }
        // the formula stays the customers' lifetimeValue only if it beat the model on the last months of orders
        LifetimeValueGrade grade = grade(properties.gradingHoldoutDays());
        boolean kept = grade == null || !grade.formulaWins();
        double horizonWeeks = properties.horizonDays() / 7.0;
        List<Map<String, Object>> rows = new ArrayList<>(customers.size());
        for (RepeatPurchases customer : customers) {
            rows.add(Map.of(
                    "id",
                    customer.customerId(),
                    "predictions",
                    fitted.predict(customer, horizonWeeks).properties(kept)));
        }
        OffsetDateTime asOf = end.atStartOfDay().atOffset(ZoneOffset.UTC);
        String fit = UUID.randomUUID().toString();
        for (int from = 0; from < rows.size(); from += WRITE_BATCH) {
            cypher.write(
                    WRITE,
                    Map.of(
                            "rows",
                            rows.subList(from, Math.min(rows.size(), from + WRITE_BATCH)),
                            "asOf",
                            asOf,
                            "fit",
                            fit));
        }
        cypher.write(CLEAR, Map.of("fit", fit));
        Map<String, Object> model = new HashMap<>(fitted.describe());
        model.put("customers", customers.size());
        model.put("horizonDays", properties.horizonDays());
        model.put("asOf", asOf);
        model.put("kept", kept);
        if (grade != null) {
            model.putAll(describe(grade));
        }
        cypher.write(WRITE_MODEL, Map.of("name", MODEL, "model", model));
        return String.format(
                Locale.ROOT,
                "lifetime value of %d customers over %d days (%s)%s",
                customers.size(),
                properties.horizonDays(),
                fitted,
                grade == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; over the last %d days it caught %.0f%% of the top spenders (formula %.0f%%)",
                                grade.holdoutDays(),
                                100 * grade.model().topFifthCaptured(),
                                100 * grade.formula().topFifthCaptured()));
    }

    /**
     * Hides the last {@code holdoutDays} of orders, fits on the rest, and scores the model's and the formula's
     * predicted spend in the hidden days; null when the history before the cutoff is too small to fit.
     */
    public @Nullable LifetimeValueGrade grade(int holdoutDays) {
        LocalDate end = purchases.end();
        if (end == null) {
            return null;
        }
        LocalDate cutoff = end.minusDays(holdoutDays);
        List<RepeatPurchases> customers = purchases.before(cutoff);
        Fitted fitted = fit(customers);
        if (fitted == null) {
            return null;
        }
        Map<String, Double> spent = purchases.spent(cutoff, end);
        double weeks = holdoutDays / 7.0;
        int n = customers.size();
        double[] actual = new double[n];
        double[] model = new double[n];
        double[] formula = new double[n];
        for (int i = 0; i < n; i++) {
            RepeatPurchases customer = customers.get(i);
            actual[i] = spent.getOrDefault(customer.customerId(), 0.0);
            model[i] = fitted.predict(customer, weeks).value();
            double spentSoFar = customer.firstValue() + customer.meanRepeatValue() * customer.repeats();
            formula[i] = RunRate.value(spentSoFar, customer.age() * 7, holdoutDays);
        }
        return new LifetimeValueGrade(
                holdoutDays, cutoff, n, sum(actual), score(model, actual), score(formula, actual), fitted.toString());
    }

    /** The model the last refresh fitted; null before the first (or when the graph was too small to fit one). */
    public @Nullable LifetimeValueModelInfo current() {
        List<LifetimeValueModelInfo> found =
                cypher.read(READ_MODEL, Map.of("name", MODEL), r -> LifetimeValueModelInfo.of(r.get("m")));
        return found.isEmpty() ? null : found.getFirst();
    }

    private static @Nullable Fitted fit(List<RepeatPurchases> customers) {
        if (customers.size() < BgNbd.MINIMUM_CUSTOMERS
                || customers.stream()
                                .filter(c -> c.repeats() > 0 && c.meanRepeatValue() > 0)
                                .count()
                        < GammaGamma.MINIMUM_CUSTOMERS) {
            return null;
        }
        return new Fitted(BgNbd.fit(customers), GammaGamma.fit(customers));
    }

    static LifetimeValueGrade.Score score(double[] predicted, double[] actual) {
        int n = actual.length;
        int fifth = Math.max(1, (int) Math.ceil(n * 0.2));
        Set<Integer> topActual = new HashSet<>(top(actual, fifth));
        long captured =
                top(predicted, fifth).stream().filter(topActual::contains).count();
        double absolute = 0;
        for (int i = 0; i < n; i++) {
            absolute += Math.abs(predicted[i] - actual[i]);
        }
        double total = sum(actual);
        return new LifetimeValueGrade.Score(
                (double) captured / fifth, absolute / n, total == 0 ? 0 : (sum(predicted) - total) / total);
    }

    // the k largest, ties by position so the ranking is stable
    private static List<Integer> top(double[] values, int k) {
        return IntStream.range(0, values.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparing(i -> i))
                .limit(k)
                .toList();
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    private static Map<String, Object> describe(LifetimeValueGrade grade) {
        Map<String, Object> described = new HashMap<>();
        described.put("gradingHoldoutDays", grade.holdoutDays());
        described.put("gradingCutoff", grade.cutoff());
        described.put("gradedCustomers", grade.customers());
        described.put("gradedSpend", grade.actualSpend());
        described.put("gradingFitted", grade.fitted());
        described.put("modelTopFifthCaptured", grade.model().topFifthCaptured());
        described.put("formulaTopFifthCaptured", grade.formula().topFifthCaptured());
        described.put("modelMeanAbsoluteError", grade.model().meanAbsoluteError());
        described.put("formulaMeanAbsoluteError", grade.formula().meanAbsoluteError());
        described.put("modelTotalError", grade.model().totalError());
        described.put("formulaTotalError", grade.formula().totalError());
        return described;
    }

    private static Map<String, Object> everyFit() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("fit", null);
        return parameters;
    }

    /** Both models, fitted on the same customers. */
    record Fitted(BgNbd purchases, GammaGamma value) {

        LifetimeValuePrediction predict(RepeatPurchases customer, double weeks) {
            return LifetimeValuePrediction.of(purchases, value, customer, weeks);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "BG/NBD r=%.4g alpha=%.4g a=%.4g b=%.4g, Gamma-Gamma p=%.4g q=%.4g gamma=%.4g",
                    purchases.r(),
                    purchases.alpha(),
                    purchases.a(),
                    purchases.b(),
                    value.p(),
                    value.q(),
                    value.gamma());
        }

        Map<String, Object> describe() {
            return Map.of(
                    "r", purchases.r(),
                    "alpha", purchases.alpha(),
                    "a", purchases.a(),
                    "b", purchases.b(),
                    "p", value.p(),
                    "q", value.q(),
                    "gamma", value.gamma());
        }
    }
}
