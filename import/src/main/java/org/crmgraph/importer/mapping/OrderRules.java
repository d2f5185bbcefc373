package org.crmgraph.importer.mapping;

import java.util.Set;

/**
 * What order lines mean in a given source.
 *
 * @param cancellationPrefix an order id starting with it is a cancellation of earlier purchases (Online
 *                           Retail: {@code C536379}), written as a {@code Cancellation}, not an order;
 *                           {@code null} when the source has none
 * @param nonProductSkus     codes that are postage, fees or adjustments, not products: such lines are rejected
 *                           with that reason so that product analytics see only products
 */
public record OrderRules(String cancellationPrefix, Set<String> nonProductSkus) {

    public static final OrderRules NONE = new OrderRules(null, Set.of());
}
