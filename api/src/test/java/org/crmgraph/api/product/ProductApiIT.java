package org.crmgraph.api.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;

class ProductApiIT extends FixtureGraphTest {

    @Test
    void productBySkuWithCategoryAndBiggestBuyersFirst() {
        cypher.write("""
                MATCH (c3:Customer {id: 'c3'}), (p:Product {sku: 'AUD-1'})
                CREATE (c3)-[:PLACED]->(o:Order {id: 'o9', placedAt: datetime(), status: 'PLACED', total: 598.0})-[:CONTAINS {quantity: 2, unitPrice: 299.0}]->(p)
                """, Map.of());
        var response = graphQl.documentName("product").variable("sku", "AUD-1").execute();
        response.path("product.category").entity(String.class).isEqualTo("Audio");
        response.path("product.buyers[*].customer.id").entityList(String.class).containsExactly("c3", "c1");
        response.path("product.buyers[*].quantity").entityList(Integer.class).containsExactly(2, 1);
        graphQl.documentName("product")
                .variable("sku", "NOPE")
                .execute()
                .path("product")
                .valueIsNull();
    }

    @Test
    void filtersByCategoryAndPriceRangeAndSortsByPrice() {
        graphQl.documentName("products")
                .variable("filter", Map.of("category", "Cables"))
                .execute()
                .path("products.edges[*].node.sku")
                .entityList(String.class)
                .containsExactly("CAB-1", "CAB-2");
        graphQl.documentName("products")
                .variable("filter", Map.of("minPrice", 100.0, "maxPrice", 300.0))
                .variable("orderBy", Map.of("field", "PRICE", "direction", "DESC"))
                .execute()
                .path("products.edges[*].node.sku")
                .entityList(String.class)
                .containsExactly("AUD-1", "AUD-2");
        var cheapest = graphQl.documentName("products")
                .variable("orderBy", Map.of("field", "PRICE"))
                .variable("first", 2)
                .execute();
        cheapest.path("products.edges[*].node.sku").entityList(String.class).containsExactly("CAB-2", "CAB-1");
        String cursor = cheapest.path("products.pageInfo.endCursor")
                .entity(String.class)
                .get();
        graphQl.documentName("products")
                .variable("orderBy", Map.of("field", "PRICE"))
                .variable("after", cursor)
                .execute()
                .path("products.edges[*].node.sku")
                .entityList(String.class)
                .containsExactly("AUD-2", "AUD-1", "LAP-1");
        graphQl.documentName("products")
                .variable("filter", Map.of("nameContains", "cable"))
                .execute()
                .path("products.totalCount")
                .entity(Integer.class)
                .isEqualTo(2);
    }

    @Test
    void categoriesListTheirProducts() {
        var response = graphQl.documentName("categories").execute();
        response.path("categories[*].name").entityList(String.class).containsExactly("Audio", "Cables", "Laptops");
        response.path("categories[0].productCount").entity(Integer.class).isEqualTo(2);
        response.path("categories[0].products[*].sku").entityList(String.class).containsExactly("AUD-2", "AUD-1");
    }

    @Test
    void createsAProductInANewCategory() {
        var response = graphQl.documentName("createProduct")
                .variable(
                        "input",
                        Map.of(
                                "sku",
                                "CAM-1",
                                "name",
                                "Vista M50 Camera",
                                "price",
                                749.0,
                                "category",
                                "Cameras",
                                "description",
                                "Mirrorless"))
                .execute();
        response.path("createProduct.errors").entityList(Object.class).hasSize(0);
        response.path("createProduct.product.category").entity(String.class).isEqualTo("Cameras");
        graphQl.documentName("categories")
                .execute()
                .path("categories[*].name")
                .entityList(String.class)
                .contains("Cameras");
    }

    @Test
    void duplicateSkuIsAConflict() {
        graphQl.documentName("createProduct")
                .variable("input", Map.of("sku", "AUD-1", "name", "Clone", "price", 1.0))
                .execute()
                .path("createProduct.errors[0].code")
                .entity(String.class)
                .isEqualTo("DUPLICATE_SKU");
        assertThat(cypher.read(
                        "MATCH (p:Product {sku: 'AUD-1'}) RETURN p.name AS name",
                        Map.of(),
                        r -> r.get(0).asString()))
                .containsExactly("Quiet Pro Headphones");
    }

    @Test
    void negativePriceAndSkuWithSpacesAreRefused() {
        var response = graphQl.documentName("createProduct")
                .variable("input", Map.of("sku", "BAD SKU", "name", "Bad", "price", -5.0))
                .execute();
        response.path("createProduct.errors[*].field[0]")
                .entityList(String.class)
                .contains("sku", "price")
                .hasSize(2);
        response.path("createProduct.errors[*].code")
                .entityList(String.class)
                .contains("INVALID_FORMAT", "OUT_OF_RANGE")
                .hasSize(2);
    }

    @Test
    void updateMovesTheProductToAnotherCategory() {
        var response = graphQl.documentName("updateProduct")
                .variable("sku", "CAB-2")
                .variable("input", Map.of("category", "Audio", "price", 11.0))
                .execute();
        response.path("updateProduct.product.category").entity(String.class).isEqualTo("Audio");
        response.path("updateProduct.product.price").entity(Double.class).isEqualTo(11.0);
        response.path("updateProduct.product.name").entity(String.class).isEqualTo("Spare Cable");
        assertThat(cypher.read(
                        "MATCH (:Product {sku: 'CAB-2'})-[:IN_CATEGORY]->(c) RETURN c.name AS name",
                        Map.of(),
                        r -> r.get(0).asString()))
                .containsExactly("Audio");
        graphQl.documentName("updateProduct")
                .variable("sku", "NOPE")
                .variable("input", Map.of("price", 1.0))
                .execute()
                .path("updateProduct.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void productInOrdersCannotBeDeletedButAnUnusedOneCan() {
        graphQl.documentName("deleteProduct")
                .variable("sku", "AUD-1")
                .execute()
                .path("deleteProduct.errors[0].code")
                .entity(String.class)
                .isEqualTo("IN_USE");
        graphQl.documentName("product")
                .variable("sku", "AUD-1")
                .execute()
                .path("product.sku")
                .entity(String.class)
                .isEqualTo("AUD-1");

        graphQl.documentName("deleteProduct")
                .variable("sku", "CAB-2")
                .execute()
                .path("deleteProduct.deletedId")
                .entity(String.class)
                .isEqualTo("CAB-2");
        graphQl.documentName("product")
                .variable("sku", "CAB-2")
                .execute()
                .path("product")
                .valueIsNull();
        graphQl.documentName("deleteProduct")
                .variable("sku", "CAB-2")
                .execute()
                .path("deleteProduct.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }
}
