package org.crmgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.crmgraph.analytics.AnalyticsStep;
import org.crmgraph.analytics.refresh.AnalyticsRefresh;
import org.crmgraph.analytics.refresh.RefreshReport;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A refresh on too little data says what it could not do instead of failing, and leaves GDS clean. */
class AnalyticsOnSmallGraphsIT extends FixtureGraphTest {

    @Autowired
    AnalyticsRefresh refresh;

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    @Test
    void twoBuyersGetMetricsAndSimilarityButNoSegmentsOrChurnModel() {
        RefreshReport report = refresh.refresh();
        assertThat(report.steps()).hasSize(5);
        assertThat(report.steps().get(1).summary()).startsWith("0 segments");
        assertThat(report.steps().get(3).summary()).contains("no churn model").contains("at least 20");
        assertThat(count("MATCH (s:Segment) RETURN count(s)")).isZero();
        assertThat(count("MATCH (m:ChurnModel) RETURN count(m)")).isZero();
        assertThat(count("MATCH (c:Customer) WHERE c.rfm IS NOT NULL RETURN count(c)"))
                .isEqualTo(2);
        // two buyers are no population to fit a lifetime-value model on: no predictions, and it says why
        assertThat(report.steps().getFirst().summary()).contains("too few buying customers");
        assertThat(count("MATCH (c:Customer) WHERE c.predictedLifetimeValue IS NOT NULL RETURN count(c)"))
                .isZero();
        assertThat(count("MATCH (m:LifetimeValueModel) RETURN count(m)")).isZero();
        assertThat(count("CALL gds.graph.list() YIELD graphName RETURN count(*)"))
                .isZero();
        assertThat(count("CALL gds.pipeline.list() YIELD pipelineName RETURN count(*)"))
                .isZero();
        // recommendations still answer, from similar customers and best sellers
        graphQl.documentName("recommendations")
                .variable("customerId", "c2")
                .execute()
                .path("recommendations[*].product.sku")
                .entityList(String.class)
                .satisfies(skus -> assertThat(skus).isNotEmpty().doesNotContain("AUD-2"));
    }

    @Test
    void aGraphWithoutOrdersRefreshesToNothing() {
        cypher.write("MATCH (o:Order) DETACH DELETE o", Map.of());
        RefreshReport report = refresh.refresh(EnumSet.allOf(AnalyticsStep.class), step -> {});
        assertThat(report.steps().get(0).summary()).startsWith("0 customers");
        assertThat(report.steps().get(3).summary()).isEqualTo("no churn model: there are no orders");
        assertThat(count("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s)")).isZero();
        assertThat(count("CALL gds.graph.list() YIELD graphName RETURN count(*)"))
                .isZero();
        graphQl.documentName("recommendations")
                .variable("customerId", "c1")
                .execute()
                .path("recommendations")
                .entityList(Object.class)
                .hasSize(0);
    }
}
