package org.crmgraph.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.crmgraph.analytics.AnalyticsModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** RFM and value metrics on the fixture graph: c1 bought twice (313 + 1,199), c2 once (298), others never. */
class CustomerMetricsIT extends AnalyticsModuleTest {

    @Autowired
    CustomerMetrics metrics;

    private Map<String, Object> of(String id) {
        return cypher.read(
                        "MATCH (c:Customer {id: $id}) RETURN c {.recencyDays, .frequency, .monetary, .avgOrderValue, "
                                + ".rScore, .fScore, .mScore, .rfm, .lifetimeValue} AS m",
                        Map.of("id", id),
                        r -> r.get("m").asMap())
                .getFirst();
    }

    @Test
    void writesRecencyFrequencyMonetaryAndScoresToBuyingCustomers() {
        cypher.write("""
                MATCH (c2:Customer {id: 'c2'}), (p:Product {sku: 'AUD-2'})
                CREATE (c2)-[:CANCELLED]->(:Cancellation {id: 'Cx', cancelledAt: datetime('2025-09-02T09:00Z'), total: 149.0})
                """, Map.of());

        MetricsRefresh refresh = metrics.refresh();

        assertThat(refresh.customers()).isEqualTo(2);
        // as of the newest order, 2025-09-01
        assertThat(refresh.asOf().toInstant().toString()).isEqualTo("2025-09-01T09:00:00Z");
        Map<String, Object> c1 = of("c1");
        assertThat(c1)
                .containsEntry("recencyDays", 31L)
                .containsEntry("frequency", 2L)
                .containsEntry("monetary", 1512.0)
                .containsEntry("avgOrderValue", 756.0)
                .containsEntry("fScore", 5L)
                .containsEntry("mScore", 5L)
                .containsEntry("rScore", 1L)
                .containsEntry("rfm", "155");
        // c2's cancellation comes off its spend; its purchase is the newest
        Map<String, Object> c2 = of("c2");
        assertThat(c2)
                .containsEntry("recencyDays", 0L)
                .containsEntry("monetary", 149.0)
                .containsEntry("rScore", 5L)
                .containsEntry("fScore", 1L)
                .containsEntry("mScore", 1L)
                .containsEntry("rfm", "511");
        // the run rate over the 365-day horizon, tenure under 90 days counting as 90: 149 * 365 / 90
        assertThat((Double) c2.get("lifetimeValue")).isEqualTo(604.28);
        assertThat(of("c3").get("rfm")).isNull();

        // a customer whose orders are gone loses the metrics
        cypher.write("MATCH (:Customer {id: 'c2'})-[:PLACED]->(o:Order) DETACH DELETE o", Map.of());
        metrics.refresh();
        assertThat(of("c2").get("rfm")).isNull();
    }
}
