package org.crmgraph.graph.product;

import org.crmgraph.graph.money.MoneyInput;

/**
 * Fields of a product; on update, a null field is left unchanged (the SKU never changes).
 *
 * @param price      the price as a float, from clients written before {@code priceMoney}; used when
 *                   {@code priceMoney} is absent
 * @param priceMoney the price with its currency
 */
public record ProductInput(
        String sku, String name, String description, Double price, MoneyInput priceMoney, String category) {}
