package org.crmgraph.graph.product;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.ConstraintViolations;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.validation.Checks;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.stereotype.Service;

@Service
public class ProductService {

    private final ProductRepository products;
    private final PagingProperties paging;

    ProductService(ProductRepository products, PagingProperties paging) {
        this.products = products;
        this.paging = paging;
    }

    public Optional<Product> find(String sku) {
        return Optional.ofNullable(products.findBySkus(List.of(sku)).get(sku));
    }

    public Map<String, Product> findAll(Collection<String> skus) {
        return products.findBySkus(skus);
    }

    public Page<Product> page(ProductFilter filter, ProductSort sort, boolean descending, PageRequest request) {
        return products.page(filter == null ? ProductFilter.NONE : filter, sort, descending, request);
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

    private static Map<String, Object> properties(ProductInput input, Checks checks, boolean creating) {
        Map<String, Object> properties = new HashMap<>();
        String name = checks.text("name", input.name(), 200, creating);
        String description = checks.longText("description", input.description(), 5_000, false);
        Double price = checks.nonNegative("price", input.price(), creating);
        if (name != null) {
            properties.put("name", name);
        }
        if (description != null) {
            properties.put("description", description);
        }
        if (price != null) {
            properties.put("price", price);
        }
        return properties;
    }
}
