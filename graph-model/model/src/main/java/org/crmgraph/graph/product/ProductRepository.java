package org.crmgraph.graph.product;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.filter.FilterCatalogue;
import org.crmgraph.graph.filter.Where;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.SortOrder;
import org.springframework.stereotype.Repository;

@Repository
class ProductRepository {

    private static final KeysetQuery LIST =
            new KeysetQuery("MATCH (p:Product)", "p", "sku", Product.RELATED, Product.PROJECTION);

    private static final String BY_SKUS = """
            UNWIND $skus AS sku
            MATCH (p:Product {sku: sku})
            %s
            RETURN %s AS p
            """.formatted(Product.RELATED, Product.PROJECTION);
    private static final String CREATE = """
            CREATE (p:Product)
            SET p = $properties, p.createdAt = datetime(), p.updatedAt = datetime()
            WITH p
            CALL (p) {
              WITH p WHERE $category IS NOT NULL
              MERGE (cat:Category {name: $category})
              MERGE (p)-[:IN_CATEGORY]->(cat)
            }
            WITH p
            %s
            RETURN %s AS p
            """.formatted(Product.RELATED, Product.PROJECTION);
    private static final String UPDATE = """
            MATCH (p:Product {sku: $sku})
            SET p += $changes, p.updatedAt = datetime()
            WITH p
            CALL (p) {
              WITH p WHERE $category IS NOT NULL
              OPTIONAL MATCH (p)-[old:IN_CATEGORY]->()
              DELETE old
              MERGE (cat:Category {name: $category})
              MERGE (p)-[:IN_CATEGORY]->(cat)
            }
            WITH p
            %s
            RETURN %s AS p
            """.formatted(Product.RELATED, Product.PROJECTION);
    private static final String ORDER_COUNT = """
            MATCH (p:Product {sku: $sku})
            RETURN COUNT { (p)<-[:CONTAINS]-(:Order) } AS orders
            """;
    private static final String DELETE = """
            MATCH (p:Product {sku: $sku})
            DETACH DELETE p
            """;
    private static final String CATEGORIES = """
            MATCH (cat:Category)
            RETURN cat.name AS name, COUNT { (cat)<-[:IN_CATEGORY]-(:Product) } AS products
            ORDER BY name
            """;
    private static final String IN_CATEGORIES = """
            UNWIND $names AS name
            MATCH (:Category {name: name})<-[:IN_CATEGORY]-(p:Product)
            WITH name, p ORDER BY p.name
            WITH name, collect(p{.*, category: name})[..$limit] AS products
            RETURN name, products
            """;

    private final CypherRunner cypher;

    ProductRepository(CypherRunner cypher) {
        this.cypher = cypher;
    }

    Map<String, Product> findBySkus(Collection<String> skus) {
        Map<String, Product> found = new LinkedHashMap<>();
        cypher.read(BY_SKUS, Map.of("skus", List.copyOf(skus)), r -> Product.from(r.get("p")))
                .forEach(product -> found.put(product.sku(), product));
        return found;
    }

    Page<Product> page(ProductFilter filter, Map<String, ?> where, List<SortOrder> orders, PageRequest request) {
        var conditions = new KeysetQuery.Conditions()
                .when(
                        filter.nameContains() == null
                                ? null
                                : filter.nameContains().strip().toLowerCase(java.util.Locale.ROOT),
                        "name",
                        "toLower(p.name) CONTAINS $name")
                .when(filter.category(), "category", "EXISTS { (p)-[:IN_CATEGORY]->(:Category {name: $category}) }")
                .when(filter.minPrice(), "minPrice", "p.price >= $minPrice")
                .when(filter.maxPrice(), "maxPrice", "p.price <= $maxPrice");
        conditions.where(Where.compile(FilterCatalogue.PRODUCT, where, "p", "where"));
        return LIST.page(cypher, conditions, orders, request, Product::from);
    }

    Product create(Map<String, Object> properties, String category) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("properties", properties);
        parameters.put("category", category);
        return cypher.write(CREATE, parameters, r -> Product.from(r.get("p"))).getFirst();
    }

    Optional<Product> update(String sku, Map<String, Object> changes, String category) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("sku", sku);
        parameters.put("changes", changes);
        parameters.put("category", category);
        return cypher.write(UPDATE, parameters, r -> Product.from(r.get("p"))).stream()
                .findFirst();
    }

    /** Number of orders that contain the product, or empty when there is no such product. */
    Optional<Long> orderCount(String sku) {
        return cypher.readOptional(
                ORDER_COUNT, Map.of("sku", sku), r -> r.get("orders").asLong());
    }

    void delete(String sku) {
        cypher.write(DELETE, Map.of("sku", sku));
    }

    List<Category> categories() {
        return cypher.read(
                CATEGORIES,
                Map.of(),
                r -> new Category(r.get("name").asString(), r.get("products").asLong()));
    }

    Map<String, List<Product>> inCategories(Collection<String> names, int limit) {
        Map<String, List<Product>> result = new HashMap<>();
        cypher.read(IN_CATEGORIES, Map.of("names", List.copyOf(names), "limit", limit), r -> r)
                .forEach(r ->
                        result.put(r.get("name").asString(), r.get("products").asList(Product::from)));
        return result;
    }
}
