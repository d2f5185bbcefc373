package org.crmgraph.graph.outbox;

import java.time.Instant;
import org.crmgraph.graph.event.DomainEvent;

/**
 * A committed change as the log holds it.
 *
 * @param position gap-free and strictly increasing over all instances, given right after the commit; one entity's
 *                 events are in the order of its changes
 * @param actor    who made the change (an API key's or token's name, {@code import}, {@code system}); never personal
 *                 data of a customer
 * @param event    the domain event: type, entity id, time and attributes (ids and field names only)
 */
public record ChangeEvent(long position, String actor, DomainEvent event) {

    public Instant at() {
        return event.occurredAt();
    }
}
