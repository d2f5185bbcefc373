package org.crmgraph.graph.product;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.ConstraintViolations;
import org.crmgraph.graph.money.Money;
import org.crmgraph.graph.money.MoneyProperties;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.validation.Checks;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.stereotype.Service;

@Service
public class ProductService {

    private final ProductRepository products;
    private final PagingProperties paging;
    private final MoneyProperties money;

    ProductService(ProductRepository products, PagingProperties paging, MoneyProperties money) {
        this.products = products;
        this.paging = paging;
        this.money = money;
    }

    public Optional<Product> find(String sku) {
        return Optional.ofNullable(products.findBySkus(List.of(sku)).get(sku));
    }

    public Map<String, Product> findAll(Collection<String> skus) {
        return products.findBySkus(skus);
    }

    /** A page of the list; {@code where} is the filter language of {@link org.crmgraph.graph.filter.Where}. */
    public Page<Product> page(
            ProductFilter filter, Map<String, ?> where, ProductSort sort, boolean descending, PageRequest request) {
        return products.page(
                filter == null ? ProductFilter.NONE : filter,
                where,
                List.of(new SortOrder(sort.key(), descending)),
                request);
    }

    /** A page sorted by several keys, the first deciding first. */
    public Page<Product> page(
            ProductFilter filter, Map<String, ?> where, List<SortOrder> sorting, PageRequest request) {
        return products.page(filter == null ? ProductFilter.NONE : filter, where, sorting, request);
    }

    public List<Category> categories() {
        return products.categories();
    }

    /** Products of each named category, by name, at most the nested-list limit each. */
    public Map<String, List<Product>> inCategories(Collection<String> names) {
        return products.inCategories(names, paging.nestedListLimit());
    }

    public Outcome<Product> create(ProductInput input) {
        Checks checks = new Checks();
        String sku = checks.code("sku", input.sku(), 64, true);
        Map<String, Object> properties = properties(input, checks, true);
        String category = checks.text("category", input.category(), 100, false);
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        properties.put("sku", sku);
        try {
            return Outcome.success(products.create(properties, category));
        } catch (RuntimeException e) {
            if (ConstraintViolations.isUniquenessViolation(e)) {
                return Outcome.failure(
                        "sku", ErrorCode.DUPLICATE_SKU, "A product with SKU '" + sku + "' already exists.");
            }
            throw e;
        }
    }

    public Outcome<Product> update(String sku, ProductInput input) {
        Checks checks = new Checks();
        Map<String, Object> changes = properties(input, checks, false);
        String category = checks.text("category", input.category(), 100, false);
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        return products.update(sku, changes, category)
                .map(Outcome::success)
                .orElseGet(() -> Outcome.failure("sku", ErrorCode.NOT_FOUND, "No product has SKU '" + sku + "'."));
    }

    /** Deletes a product unless orders refer to it: order history must keep its lines. */
    public Outcome<String> delete(String sku) {
        Optional<Long> orders = products.orderCount(sku);
        if (orders.isEmpty()) {
            return Outcome.failure("sku", ErrorCode.NOT_FOUND, "No product has SKU '" + sku + "'.");
        }
        if (orders.get() > 0) {
            return Outcome.failure(
                    "sku",
                    ErrorCode.IN_USE,
                    "Product '" + sku + "' appears in " + orders.get() + " orders and cannot be deleted.");
        }
        products.delete(sku);
        return Outcome.success(sku);
    }

    /** {@code priceMoney}, or else the float {@code price} of older clients in the default currency. */
    private Money price(ProductInput input, Checks checks, boolean creating) {
        if (input.priceMoney() != null) {
            if (input.price() != null) {
                checks.add("price", ErrorCode.INVALID_STATE, "Give priceMoney or price, not both.");
                return null;
            }
            return checks.money("priceMoney", input.priceMoney(), creating, money.defaultCurrency());
        }
        Double price = checks.nonNegative("price", input.price(), false);
        if (price == null) {
            if (creating && checks.ok()) {
                checks.add("priceMoney", ErrorCode.REQUIRED, "A product needs a price: give priceMoney.");
            }
            return null;
        }
        // a float from an older client: its shortest decimal form is what the client wrote
        java.math.BigDecimal amount = java.math.BigDecimal.valueOf(price);
        var unstorable = Money.unstorable(amount);
        if (unstorable.isPresent()) {
            checks.add("price", ErrorCode.INVALID_FORMAT, "price " + unstorable.get() + "; give priceMoney.");
            return null;
        }
        return new Money(amount, money.defaultCurrency());
    }

    private Map<String, Object> properties(ProductInput input, Checks checks, boolean creating) {
        Map<String, Object> properties = new HashMap<>();
        String name = checks.text("name", input.name(), 200, creating);
        String description = checks.longText("description", input.description(), 5_000, false);
        Money price = price(input, checks, creating);
        if (name != null) {
            properties.put("name", name);
        }
        if (description != null) {
            properties.put("description", description);
        }
        if (price != null) {
            properties.put("price", price.amount().doubleValue());
            properties.put("currency", price.currencyCode());
        }
        return properties;
    }
}
