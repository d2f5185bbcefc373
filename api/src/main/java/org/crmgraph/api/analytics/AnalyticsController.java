package org.crmgraph.api.analytics;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.crmgraph.analytics.AnalyticsStep;
import org.crmgraph.analytics.GdsUnavailableException;
import org.crmgraph.analytics.insight.AnalyticsQueries;
import org.crmgraph.analytics.insight.AnalyticsRunInfo;
import org.crmgraph.analytics.insight.ChurnModelInfo;
import org.crmgraph.analytics.insight.Community;
import org.crmgraph.analytics.insight.CommunityProduct;
import org.crmgraph.analytics.insight.CommunityProducts;
import org.crmgraph.analytics.insight.CustomerInsight;
import org.crmgraph.analytics.insight.Rfm;
import org.crmgraph.analytics.lifetime.LifetimeValueGrade;
import org.crmgraph.analytics.lifetime.LifetimeValueModelInfo;
import org.crmgraph.analytics.lifetime.LifetimeValues;
import org.crmgraph.analytics.refresh.AnalyticsBusyException;
import org.crmgraph.analytics.refresh.AnalyticsRefresh;
import org.crmgraph.analytics.refresh.RefreshReport;
import org.crmgraph.analytics.segment.Segment;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class AnalyticsController {

    record RefreshAnalyticsPayload(AnalyticsRunInfo run, List<FieldError> errors) {}

    private final AnalyticsRefresh refresh;
    private final AnalyticsQueries queries;
    private final LifetimeValues lifetimeValues;

    AnalyticsController(
            AnalyticsRefresh refresh,
            AnalyticsQueries queries,
            LifetimeValues lifetimeValues,
            BatchLoaderRegistry loaders) {
        this.refresh = refresh;
        this.queries = queries;
        this.lifetimeValues = lifetimeValues;
        loaders.forTypePair(String.class, CustomerInsight.class)
                .registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> queries.insights(ids)));
    }

    @MutationMapping
    RefreshAnalyticsPayload refreshAnalytics(@Argument List<AnalyticsStep> steps) {
        Set<AnalyticsStep> chosen =
                steps == null || steps.isEmpty() ? EnumSet.allOf(AnalyticsStep.class) : EnumSet.copyOf(steps);
        try {
            RefreshReport report = refresh.refresh(chosen, step -> {});
            return new RefreshAnalyticsPayload(
                    new AnalyticsRunInfo(
                            report.id(),
                            report.startedAt(),
                            report.startedAt().plusNanos(report.millis() * 1_000_000),
                            report.millis(),
                            report.steps()),
                    List.of());
        } catch (AnalyticsBusyException | GdsUnavailableException e) {
            return new RefreshAnalyticsPayload(
                    null, List.of(FieldError.of("steps", ErrorCode.INVALID_STATE, e.getMessage())));
        }
    }

    @QueryMapping
    List<Segment> segments() {
        return queries.segments();
    }

    @QueryMapping
    List<Community> communities(@Argument List<String> ids, @Argument Integer first) {
        int n = PagingProperties.listLength(first, 20, 100);
        if (n == 0) {
            return List.of();
        }
        return queries.communities(
                ids == null ? null : ids.stream().map(id -> parseId("ids", id)).toList(), n);
    }

    @QueryMapping
    ChurnModelInfo churnModel() {
        return queries.currentChurnModel().orElse(null);
    }

    @QueryMapping
    LifetimeValueModelInfo lifetimeValueModel() {
        return lifetimeValues.current();
    }

    @SchemaMapping(typeName = "LifetimeValueGrading", field = "kept")
    String kept(LifetimeValueGrade grade) {
        return grade.formulaWins() ? "FORMULA" : "MODEL";
    }

    @QueryMapping
    List<ChurnModelInfo> churnModels(@Argument Integer first) {
        int n = PagingProperties.listLength(first, 10, 100);
        return n == 0 ? List.of() : queries.churnModels(false, n);
    }

    @QueryMapping
    List<AnalyticsRunInfo> analyticsRuns(@Argument Integer first) {
        int n = PagingProperties.listLength(first, 10, 100);
        return n == 0 ? List.of() : queries.runs(n);
    }

    @BatchMapping(typeName = "Community", field = "topProducts")
    Map<Community, List<CommunityProduct>> topProducts(List<Community> communities) {
        return productsOf(communities, CommunityProducts::characteristic);
    }

    @BatchMapping(typeName = "Community", field = "favourites")
    Map<Community, List<CommunityProduct>> favourites(List<Community> communities) {
        return productsOf(communities, CommunityProducts::favourites);
    }

    // Customer's analytics fields share one batched insight query per level, through one DataLoader
    @SchemaMapping(typeName = "Customer", field = "rfm")
    CompletableFuture<Rfm> rfm(Customer customer, DataLoader<String, CustomerInsight> insights) {
        return part(customer, insights, CustomerInsight::rfm);
    }

    @SchemaMapping(typeName = "Customer", field = "segment")
    CompletableFuture<Segment> segment(Customer customer, DataLoader<String, CustomerInsight> insights) {
        return part(customer, insights, CustomerInsight::segment);
    }

    @SchemaMapping(typeName = "Customer", field = "community")
    CompletableFuture<Community> community(Customer customer, DataLoader<String, CustomerInsight> insights) {
        return part(customer, insights, CustomerInsight::community);
    }

    @SchemaMapping(typeName = "Customer", field = "churnRisk")
    CompletableFuture<Double> churnRisk(Customer customer, DataLoader<String, CustomerInsight> insights) {
        return part(customer, insights, CustomerInsight::churnRisk);
    }

    @SchemaMapping(typeName = "Customer", field = "churnFactors")
    CompletableFuture<List<String>> churnFactors(Customer customer, DataLoader<String, CustomerInsight> insights) {
        return part(customer, insights, i -> i.churnFactors()).thenApply(f -> f == null ? List.of() : f);
    }

    @SchemaMapping(typeName = "Customer", field = "predictedLifetimeValue")
    CompletableFuture<Double> predictedLifetimeValue(Customer customer, DataLoader<String, CustomerInsight> insights) {
        return part(customer, insights, CustomerInsight::predictedLifetimeValue);
    }

    @SchemaMapping(typeName = "Customer", field = "probabilityAlive")
    CompletableFuture<Double> probabilityAlive(Customer customer, DataLoader<String, CustomerInsight> insights) {
        return part(customer, insights, CustomerInsight::probabilityAlive);
    }

    @SchemaMapping(typeName = "Customer", field = "expectedPurchases")
    CompletableFuture<Double> expectedPurchases(Customer customer, DataLoader<String, CustomerInsight> insights) {
        return part(customer, insights, CustomerInsight::expectedPurchases);
    }

    private static <T> CompletableFuture<T> part(
            Customer customer, DataLoader<String, CustomerInsight> insights, Function<CustomerInsight, T> part) {
        return insights.load(customer.id()).thenApply(insight -> insight == null ? null : part.apply(insight));
    }

    private Map<Community, List<CommunityProduct>> productsOf(
            List<Community> communities, Function<CommunityProducts, List<CommunityProduct>> part) {
        Map<Integer, CommunityProducts> products = queries.communityProducts(
                communities.stream().map(Community::id).distinct().toList());
        Map<Community, List<CommunityProduct>> result = new LinkedHashMap<>();
        communities.forEach(
                c -> result.put(c, products.containsKey(c.id()) ? part.apply(products.get(c.id())) : List.of()));
        return result;
    }

    private static int parseId(String argument, String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw InvalidArgumentException.notFound(argument, "No community with id " + id);
        }
    }
}
