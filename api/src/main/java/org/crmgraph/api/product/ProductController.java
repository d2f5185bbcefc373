package org.crmgraph.api.product;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.graphql.BatchResults;
import org.crmgraph.api.graphql.Connection;
import org.crmgraph.api.graphql.DeletePayload;
import org.crmgraph.api.graphql.SortDirection;
import org.crmgraph.api.graphql.SortInput;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.product.Category;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.product.ProductFilter;
import org.crmgraph.graph.product.ProductInput;
import org.crmgraph.graph.product.ProductService;
import org.crmgraph.graph.product.ProductSort;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProductController {

    /** An explicit {@code orderBy: null} or {@code direction: null} means the schema's default, not a failure. */
    record ProductSortInput(ProductSort field, SortDirection direction) implements SortInput {

        @Override
        public org.crmgraph.graph.page.SortKey key() {
            return field.key();
        }

        static final ProductSortInput DEFAULT = new ProductSortInput(ProductSort.NAME, SortDirection.ASC);

        ProductSortInput {
            direction = direction == null ? SortDirection.ASC : direction;
        }
    }

    record ProductPayload(Product product, List<FieldError> errors) {
        static ProductPayload of(Outcome<Product> outcome) {
            return new ProductPayload(outcome.value(), outcome.errors());
        }
    }

    private final ProductService products;
    private final Pages paging;

    ProductController(ProductService products, Pages paging) {
        this.products = products;
        this.paging = paging;
    }

    @QueryMapping
    Product product(@Argument String sku) {
        return products.find(sku).orElse(null);
    }

    @QueryMapping
    Connection<Product> products(
            @Argument Integer first,
            @Argument String after,
            @Argument ProductFilter filter,
            @Argument Map<String, Object> where,
            @Argument ProductSortInput orderBy,
            @Argument List<ProductSortInput> sort) {
        List<SortOrder> sorting = SortInput.orders(sort);
        if (sorting == null) {
            sorting = List.of((orderBy == null ? ProductSortInput.DEFAULT : orderBy).order());
        }
        var request = paging.request(first, after, SortOrder.ordering(sorting));
        return Connection.of(products.page(filter, where, sorting, request));
    }

    @QueryMapping
    List<Category> categories() {
        return products.categories();
    }

    @BatchMapping(typeName = "Category", field = "products")
    Map<Category, List<Product>> categoryProducts(List<Category> categories) {
        return BatchResults.lists(
                categories, Category::name, products.inCategories(BatchResults.keys(categories, Category::name)));
    }

    @MutationMapping
    ProductPayload createProduct(@Argument ProductInput input) {
        return ProductPayload.of(products.create(input));
    }

    @MutationMapping
    ProductPayload updateProduct(@Argument String sku, @Argument ProductInput input) {
        return ProductPayload.of(products.update(sku, input));
    }

    @MutationMapping
    DeletePayload deleteProduct(@Argument String sku) {
        return DeletePayload.of(products.delete(sku));
    }
}
