package org.crmgraph.api.recommend;

import java.util.List;
import org.crmgraph.analytics.recommend.Recommendation;
import org.crmgraph.analytics.recommend.Recommendations;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.product.Product;
import org.crmgraph.graph.product.ProductService;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class RecommendationController {

    record SimilarProduct(Product product, double score) {}

    record SimilarCustomer(Customer customer, double score) {}

    private final Recommendations recommendations;
    private final ProductService products;
    private final CustomerService customers;

    RecommendationController(Recommendations recommendations, ProductService products, CustomerService customers) {
        this.recommendations = recommendations;
        this.products = products;
        this.customers = customers;
    }

    @QueryMapping
    List<Recommendation> recommendations(@Argument String customerId, @Argument Integer first) {
        int n = PagingProperties.listLength(first, 10, Recommendations.MAX_FIRST);
        if (n == 0) {
            return List.of();
        }
        return recommendations
                .forCustomer(customerId, n)
                .orElseThrow(
                        () -> InvalidArgumentException.notFound("customerId", "No customer with id " + customerId));
    }

    @QueryMapping
    List<SimilarProduct> similarProducts(@Argument String sku, @Argument Integer first) {
        int n = PagingProperties.listLength(first, 10, Recommendations.MAX_FIRST);
        // a list about an unknown thing is an error naming the argument, as for recommendations
        if (products.find(sku).isEmpty()) {
            throw InvalidArgumentException.notFound("sku", "No product has SKU " + sku);
        }
        if (n == 0) {
            return List.of();
        }
        return recommendations.similarProducts(sku, n).stream()
                .map(s -> new SimilarProduct(s.node(), s.score()))
                .toList();
    }

    @QueryMapping
    List<SimilarCustomer> similarCustomers(@Argument String customerId, @Argument Integer first) {
        int n = PagingProperties.listLength(first, 10, Recommendations.MAX_FIRST);
        if (customers.find(customerId).isEmpty()) {
            throw InvalidArgumentException.notFound("customerId", "No customer with id " + customerId);
        }
        if (n == 0) {
            return List.of();
        }
        return recommendations.similarCustomers(customerId, n).stream()
                .map(s -> new SimilarCustomer(s.node(), s.score()))
                .toList();
    }
}
