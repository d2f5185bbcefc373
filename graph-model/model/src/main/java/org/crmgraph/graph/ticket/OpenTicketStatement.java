package org.crmgraph.graph.ticket;

import org.crmgraph.graph.outbox.Outbox;

/**
 * The statement {@code openTicket} runs: parameters {@code customerId}, {@code productSku}, {@code properties}, and
 * those of its change event from {@link Outbox#pending}. Public so that the benchmark of what the change log costs a
 * write measures this statement, with and without the append, rather than a copy that could drift from it.
 */
public final class OpenTicketStatement {

    private OpenTicketStatement() {}

    public static String text(boolean appendToChangeLog) {
        return """
                MATCH (c:Customer {id: $customerId})
                CREATE (c)-[:RAISED]->(t:Ticket)
                SET t = $properties, t.status = 'OPEN', t.createdAt = datetime(), t.updatedAt = datetime()
                WITH t
                CALL (t) {
                  MATCH (p:Product {sku: $productSku})
                  CREATE (t)-[:ABOUT]->(p)
                }
                WITH t
                %s
                WITH t
                %s
                RETURN %s AS t
                """.formatted(appendToChangeLog ? Outbox.APPEND_CLAUSE : "", Ticket.RELATED, Ticket.PROJECTION);
    }
}
