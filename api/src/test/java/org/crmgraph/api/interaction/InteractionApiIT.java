package org.crmgraph.api.interaction;

import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;

class InteractionApiIT extends FixtureGraphTest {

    @Test
    void recordsAnInteractionAboutAProduct() {
        var response = graphQl.documentName("recordInteraction")
                .variable(
                        "input",
                        Map.of(
                                "customerId",
                                "c2",
                                "channel",
                                "CHAT",
                                "type",
                                "Chat Session",
                                "text",
                                "Asked about earbuds",
                                "productSku",
                                "AUD-2",
                                "occurredAt",
                                "2025-10-02T08:00:00Z"))
                .execute();
        response.path("recordInteraction.errors").entityList(Object.class).hasSize(0);
        response.path("recordInteraction.interaction.type").entity(String.class).isEqualTo("chat_session");
        response.path("recordInteraction.interaction.customer.id")
                .entity(String.class)
                .isEqualTo("c2");
        response.path("recordInteraction.interaction.product.sku")
                .entity(String.class)
                .isEqualTo("AUD-2");
        response.path("recordInteraction.interaction.occurredAt")
                .entity(String.class)
                .isEqualTo("2025-10-02T08:00:00Z");
    }

    @Test
    void unknownCustomerOrProductIsNotFound() {
        graphQl.documentName("recordInteraction")
                .variable(
                        "input",
                        Map.of("customerId", "nobody", "channel", "WEB", "type", "page_view", "productSku", "GHOST"))
                .execute()
                .path("recordInteraction.errors[*].field[0]")
                .entityList(String.class)
                .containsExactly("customerId", "productSku");
        graphQl.documentName("interactions")
                .execute()
                .path("interactions.totalCount")
                .entity(Integer.class)
                .isEqualTo(3);
    }

    @Test
    void filtersByChannelCustomerAndTimeNewestFirst() {
        graphQl.documentName("interactions")
                .execute()
                .path("interactions.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("i3", "i2", "i1");
        graphQl.documentName("interactions")
                .variable("filter", Map.of("channel", "SOCIAL"))
                .execute()
                .path("interactions.edges[*].node.customer.id")
                .entityList(String.class)
                .containsExactly("c3");
        graphQl.documentName("interactions")
                .variable("filter", Map.of("customerId", "c1", "occurredAfter", "2025-06-11T00:00:00Z"))
                .execute()
                .path("interactions.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("i2");
        graphQl.documentName("interactions")
                .variable("filter", Map.of("type", "review_posted"))
                .execute()
                .path("interactions.edges[0].node.text")
                .entity(String.class)
                .isEqualTo("Great sound");
    }
}
