package org.crmgraph.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;

/** One failing root field leaves the others' results in place: the front end shows what it got. */
class PartialFailureIT extends FixtureGraphTest {

    @Test
    void aFailingRootFieldIsNullWithItsErrorAndTheGoodOnesStay() {
        var response = graphQl.document("""
                { tickets { totalCount edges { node { id } } }
                  orders(first: 500) { totalCount }
                  customer(id: "c1") { id } }""").execute();
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getPath()).isEqualTo("orders");
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "PAGE_SIZE_EXCEEDED");
            assertThat(errors.getFirst().getExtensions()).containsEntry("argument", "first");
        });
        response.path("orders").valueIsNull();
        response.path("tickets.totalCount")
                .entity(Long.class)
                .satisfies(n -> assertThat(n).isPositive());
        response.path("customer.id").entity(String.class).isEqualTo("c1");
    }
}
