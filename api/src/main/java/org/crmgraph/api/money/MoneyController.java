package org.crmgraph.api.money;

import org.crmgraph.graph.money.Money;
import org.crmgraph.graph.money.MoneyProperties;
import org.crmgraph.graph.order.Order;
import org.crmgraph.graph.order.OrderLine;
import org.crmgraph.graph.product.Product;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The exact {@code Money} fields beside the deprecated floats: each is the decimal that was stored, with the
 * currency it was stored in (the configured default for data stored before currencies were recorded).
 */
@Controller
class MoneyController {

    private final MoneyProperties money;

    MoneyController(MoneyProperties money) {
        this.money = money;
    }

    @SchemaMapping(typeName = "Product", field = "priceMoney")
    Money productPrice(Product product) {
        return product.price() == null ? null : Money.ofStored(product.price(), money.currencyOr(product.currency()));
    }

    @SchemaMapping(typeName = "Order", field = "totalMoney")
    Money orderTotal(Order order) {
        return Money.ofStored(order.total() == null ? 0 : order.total(), money.currencyOr(order.currency()));
    }

    @SchemaMapping(typeName = "OrderLine", field = "unitPriceMoney")
    Money unitPrice(OrderLine line) {
        return Money.ofStored(line.unitPrice(), money.currencyOr(line.currency()));
    }

    @SchemaMapping(typeName = "OrderLine", field = "lineTotalMoney")
    Money lineTotal(OrderLine line) {
        return unitPrice(line).times(line.quantity());
    }
}
