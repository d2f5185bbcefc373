package org.crmgraph.analytics.lifetime;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * The lifetime-value model the last refresh fitted, as its node holds it.
 *
 * @param kept  whether its predictions are the customers' {@code lifetimeValue} (the formula did not beat it)
 * @param grade how it did against the formula on the last days of orders; null when that history was too small
 */
public record LifetimeValueModelInfo(
        OffsetDateTime asOf,
        OffsetDateTime fittedAt,
        int horizonDays,
        boolean kept,
        int customers,
        BgNbd purchases,
        GammaGamma value,
        @Nullable LifetimeValueGrade grade) {

    /** The model as its node holds it. */
    public static LifetimeValueModelInfo of(Value m) {
        LifetimeValueGrade grade = m.get("gradingHoldoutDays").isNull()
                ? null
                : new LifetimeValueGrade(
                        m.get("gradingHoldoutDays").asInt(),
                        m.get("gradingCutoff").asLocalDate(),
                        m.get("gradedCustomers").asInt(),
                        m.get("gradedSpend").asDouble(0),
                        new LifetimeValueGrade.Score(
                                m.get("modelTopFifthCaptured").asDouble(),
                                m.get("modelMeanAbsoluteError").asDouble(),
                                m.get("modelTotalError").asDouble()),
                        new LifetimeValueGrade.Score(
                                m.get("formulaTopFifthCaptured").asDouble(),
                                m.get("formulaMeanAbsoluteError").asDouble(),
                                m.get("formulaTotalError").asDouble()),
                        m.get("gradingFitted").asString(""));
        return new LifetimeValueModelInfo(
                Records.dateTime(m.get("asOf")),
                Records.dateTime(m.get("fittedAt")),
                m.get("horizonDays").asInt(),
                m.get("kept").asBoolean(true),
                m.get("customers").asInt(),
                new BgNbd(
                        m.get("r").asDouble(),
                        m.get("alpha").asDouble(),
                        m.get("a").asDouble(),
                        m.get("b").asDouble()),
                new GammaGamma(
                        m.get("p").asDouble(),
                        m.get("q").asDouble(),
                        m.get("gamma").asDouble()),
                grade);
    }

    /** One customer's predictions over the model's horizon, from the later of its {@code asOf} and {@code end}. */
    public LifetimeValuePrediction predict(RepeatPurchases customer) {
        return LifetimeValuePrediction.of(purchases, value, customer, horizonDays / 7.0);
    }

    public double r() {
        return purchases.r();
    }

    public double alpha() {
        return purchases.alpha();
    }

    public double a() {
        return purchases.a();
    }

    public double b() {
        return purchases.b();
    }

    public double p() {
        return value.p();
    }

    public double q() {
        return value.q();
    }

    public double gamma() {
        return value.gamma();
    }

    public @Nullable LifetimeValueGrade grading() {
        return grade;
    }
}
