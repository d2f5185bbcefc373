package org.crmgraph.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;

class TicketApiIT extends FixtureGraphTest {

    @Test
    void ticketNavigatesToCustomerProductAndResolvingArticleAndBack() {
        var response = graphQl.documentName("ticket").variable("id", "t1").execute();
        response.path("ticket.customer.id").entity(String.class).isEqualTo("c1");
        response.path("ticket.product.sku").entity(String.class).isEqualTo("AUD-1");
        response.path("ticket.resolvedBy.id").entity(String.class).isEqualTo("kb1");
        response.path("ticket.resolvedBy.resolvedTickets[*].id")
                .entityList(String.class)
                .containsExactly("t1");
        response.path("ticket.status").entity(String.class).isEqualTo("RESOLVED");
        graphQl.documentName("ticket")
                .variable("id", "t2")
                .execute()
                .path("ticket.product")
                .valueIsNull();
    }

    @Test
    void filtersByStatusPriorityChannelCustomerAndText() {
        graphQl.documentName("tickets")
                .variable("filter", Map.of("status", "OPEN"))
                .execute()
                .path("tickets.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("t3", "t2");
        graphQl.documentName("tickets")
                .variable("filter", Map.of("channel", "EMAIL", "customerId", "c1"))
                .execute()
                .path("tickets.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("t1");
        graphQl.documentName("tickets")
                .variable("filter", Map.of("priority", "URGENT"))
                .execute()
                .path("tickets.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("t2");
        graphQl.documentName("tickets")
                .variable("filter", Map.of("textContains", "REFUND"))
                .execute()
                .path("tickets.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("t3");
        graphQl.documentName("tickets")
                .variable("filter", Map.of("productSku", "AUD-1"))
                .execute()
                .path("tickets.totalCount")
                .entity(Integer.class)
                .isEqualTo(1);
    }

    @Test
    void pagesNewestAndOldestFirstWalkEveryTicketOnceWithTiesBrokenById() {
        // seven open tickets, four created at the same instant: the index-ordered page must break ties by id
        cypher.write("""
                MATCH (c:Customer {id: 'c1'})
                UNWIND range(1, 7) AS i
                CREATE (c)-[:RAISED]->(:Ticket {id: 'p' + i, subject: 's', body: 'b', status: 'OPEN', priority: 'LOW',
                        channel: 'WEB', createdAt: CASE WHEN i <= 4 THEN datetime('2025-06-01T00:00Z')
                                                        ELSE datetime('2025-06-01T00:00Z') + duration({days: i}) END,
                        updatedAt: datetime('2025-06-01T00:00Z')})
                """, Map.of());
        for (String direction : java.util.List.of("DESC", "ASC")) {
            java.util.List<String> expected = cypher.read(
                    "MATCH (t:Ticket {status: 'OPEN'}) RETURN t.id AS id ORDER BY t.createdAt " + direction + ", t.id "
                            + direction,
                    Map.of(),
                    r -> r.get("id").asString());
            java.util.List<String> walked = new java.util.ArrayList<>();
            String after = null;
            do {
                var page = graphQl.documentName("tickets")
                        .variable("filter", Map.of("status", "OPEN"))
                        .variable("orderBy", Map.of("field", "CREATED_AT", "direction", direction))
                        .variable("first", 2)
                        .variable("after", after)
                        .execute();
                walked.addAll(page.path("tickets.edges[*].node.id")
                        .entityList(String.class)
                        .get());
                page.path("tickets.totalCount").entity(Integer.class).isEqualTo(expected.size());
                after = page.path("tickets.pageInfo.hasNextPage")
                                .entity(Boolean.class)
                                .get()
                        ? page.path("tickets.pageInfo.endCursor")
                                .entity(String.class)
                                .get()
                        : null;
            } while (after != null);
            assertThat(walked).as(direction).isEqualTo(expected);
        }
    }

    @Test
    void sortsByPriorityMostUrgentFirst() {
        graphQl.documentName("tickets")
                .variable("orderBy", Map.of("field", "PRIORITY", "direction", "DESC"))
                .execute()
                .path("tickets.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("t2", "t1", "t3");
        var first = graphQl.documentName("tickets")
                .variable("orderBy", Map.of("field", "PRIORITY", "direction", "ASC"))
                .variable("first", 1)
                .execute();
        first.path("tickets.edges[*].node.id").entityList(String.class).containsExactly("t3");
        String cursor =
                first.path("tickets.pageInfo.endCursor").entity(String.class).get();
        graphQl.documentName("tickets")
                .variable("orderBy", Map.of("field", "PRIORITY", "direction", "ASC"))
                .variable("after", cursor)
                .execute()
                .path("tickets.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("t1", "t2");
    }

    @Test
    void opensATicketWithDefaults() {
        var response = graphQl.documentName("openTicket")
                .variable(
                        "input",
                        Map.of(
                                "customerId",
                                "c4",
                                "subject",
                                "Cable frays",
                                "body",
                                "After a week",
                                "productSku",
                                "CAB-1"))
                .execute();
        response.path("openTicket.errors").entityList(Object.class).hasSize(0);
        response.path("openTicket.ticket.status").entity(String.class).isEqualTo("OPEN");
        response.path("openTicket.ticket.priority").entity(String.class).isEqualTo("MEDIUM");
        response.path("openTicket.ticket.channel").entity(String.class).isEqualTo("WEB");
        response.path("openTicket.ticket.customer.id").entity(String.class).isEqualTo("c4");
        response.path("openTicket.ticket.product.sku").entity(String.class).isEqualTo("CAB-1");
    }

    @Test
    void openingForUnknownCustomerOrProductIsNotFound() {
        var response = graphQl.documentName("openTicket")
                .variable("input", Map.of("customerId", "nobody", "subject", "x", "body", "y", "productSku", "GHOST"))
                .execute();
        response.path("openTicket.errors[*].field[0]")
                .entityList(String.class)
                .containsExactly("customerId", "productSku");
        assertThat(cypher.read(
                        "MATCH (t:Ticket) RETURN count(t)",
                        Map.of(),
                        r -> r.get(0).asLong()))
                .containsExactly(3L);
    }

    @Test
    void resolvesWithAnArticleAndRefusesToResolveTwice() {
        var response = graphQl.documentName("resolveTicket")
                .variable("id", "t3")
                .variable("input", Map.of("resolution", "Explained the 30-day policy", "articleId", "kb2"))
                .execute();
        response.path("resolveTicket.ticket.status").entity(String.class).isEqualTo("RESOLVED");
        response.path("resolveTicket.ticket.resolvedBy.id").entity(String.class).isEqualTo("kb2");
        response.path("resolveTicket.ticket.resolvedAt").hasValue();

        graphQl.documentName("resolveTicket")
                .variable("id", "t3")
                .variable("input", Map.of("resolution", "again"))
                .execute()
                .path("resolveTicket.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        graphQl.documentName("resolveTicket")
                .variable("id", "t2")
                .variable("input", Map.of("resolution", "x", "articleId", "kb404"))
                .execute()
                .path("resolveTicket.errors[0].field")
                .entityList(String.class)
                .containsExactly("articleId");
        graphQl.documentName("resolveTicket")
                .variable("id", "t404")
                .variable("input", Map.of("resolution", "x"))
                .execute()
                .path("resolveTicket.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void updateChangesFieldsReopensAndRefusesResolvedStatus() {
        var response = graphQl.documentName("updateTicket")
                .variable("id", "t2")
                .variable("input", Map.of("priority", "LOW", "status", "WAITING_ON_CUSTOMER", "productSku", "LAP-1"))
                .execute();
        response.path("updateTicket.ticket.priority").entity(String.class).isEqualTo("LOW");
        response.path("updateTicket.ticket.status").entity(String.class).isEqualTo("WAITING_ON_CUSTOMER");
        response.path("updateTicket.ticket.product.sku").entity(String.class).isEqualTo("LAP-1");

        graphQl.documentName("updateTicket")
                .variable("id", "t2")
                .variable("input", Map.of("status", "RESOLVED"))
                .execute()
                .path("updateTicket.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");

        var reopened = graphQl.documentName("updateTicket")
                .variable("id", "t1")
                .variable("input", Map.of("status", "OPEN"))
                .execute();
        reopened.path("updateTicket.ticket.status").entity(String.class).isEqualTo("OPEN");
        reopened.path("updateTicket.ticket.resolvedAt").valueIsNull();

        graphQl.documentName("updateTicket")
                .variable("id", "t2")
                .variable("input", Map.of("productSku", "GHOST"))
                .execute()
                .path("updateTicket.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }
}
