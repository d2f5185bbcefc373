package org.crmgraph.graph.product;

import java.time.ZonedDateTime;
import org.crmgraph.graph.page.SortKey;

public enum ProductSort {
    NAME(new SortKey("product.name", "toLower(coalesce(p.name, ''))", String.class)),
    SKU(new SortKey("product.sku", "p.sku", String.class)),
    PRICE(new SortKey("product.price", "toFloat(coalesce(p.price, 0.0))", Double.class)),
    CREATED_AT(
            new SortKey("product.createdAt", "coalesce(p.createdAt, datetime({epochMillis: 0}))", ZonedDateTime.class));

    private final SortKey key;

    ProductSort(SortKey key) {
        this.key = key;
    }

    public SortKey key() {
        return key;
    }
}
