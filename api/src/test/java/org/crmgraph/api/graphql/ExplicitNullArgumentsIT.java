package org.crmgraph.api.graphql;

import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;

/**
 * A client that writes {@code orderBy: null} or {@code direction: null} (generated clients do) gets the default
 * ordering, not an INTERNAL error.
 */
class ExplicitNullArgumentsIT extends FixtureGraphTest {

    private static final Map<String, String> LISTS = Map.of(
            "customers", "NAME",
            "products", "NAME",
            "orders", "PLACED_AT",
            "tickets", "CREATED_AT",
            "articles", "UPDATED_AT",
            "interactions", "OCCURRED_AT");

    @Test
    void anExplicitNullOrderingOrDirectionMeansTheDefault() {
        LISTS.forEach((list, field) -> {
            graphQl.document("{ " + list + "(orderBy: null) { totalCount } }")
                    .execute()
                    .path(list + ".totalCount")
                    .hasValue();
            graphQl.document("{ " + list + "(orderBy: {field: " + field + ", direction: null}) { totalCount } }")
                    .execute()
                    .path(list + ".totalCount")
                    .hasValue();
        });
    }
}
