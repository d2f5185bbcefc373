package org.crmgraph.graph.privacy;

import org.jspecify.annotations.Nullable;

/**
 * Free text a customer wrote or that was written about them (a ticket, an interaction): it carries the customer's
 * name so that roles which see personal data masked get the text with that name taken out too.
 */
public interface WrittenByCustomer {

    @Nullable
    String customerName();
}
