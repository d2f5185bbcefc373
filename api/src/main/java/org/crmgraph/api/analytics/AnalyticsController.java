package org.crmgraph.api.analytics;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.algorithms.AnalyticsBusyException;
import org.crmgraph.algorithms.AnalyticsRefresh;
import org.crmgraph.algorithms.AnalyticsStep;
import org.crmgraph.algorithms.GdsUnavailableException;
import org.crmgraph.algorithms.RefreshReport;
import org.crmgraph.algorithms.insight.AnalyticsQueries;
import org.crmgraph.algorithms.insight.AnalyticsRunInfo;
import org.crmgraph.algorithms.insight.ChurnModelInfo;
import org.crmgraph.algorithms.insight.Community;
import org.crmgraph.algorithms.insight.CommunityProduct;
import org.crmgraph.algorithms.insight.CustomerInsight;
import org.crmgraph.algorithms.insight.Rfm;
import org.crmgraph.algorithms.segment.Segment;
import org.crmgraph.api.graphql.ArgumentException;
import org.crmgraph.api.graphql.BatchResults;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class AnalyticsController {

    record RefreshAnalyticsPayload(AnalyticsRunInfo run, List<FieldError> errors) {}

    private final AnalyticsRefresh refresh;
    private final AnalyticsQueries queries;

    AnalyticsController(AnalyticsRefresh refresh, AnalyticsQueries queries) {
        this.refresh = refresh;
        this.queries = queries;
    }

    @MutationMapping
    RefreshAnalyticsPayload refreshAnalytics(@Argument List<AnalyticsStep> steps) {
        Set<AnalyticsStep> chosen = steps == null || steps.isEmpty() ? EnumSet.allOf(AnalyticsStep.class) : EnumSet.copyOf(steps);
        try {
            RefreshReport report = refresh.refresh(chosen, step -> {});
            return new RefreshAnalyticsPayload(new AnalyticsRunInfo(report.id(), report.startedAt(),
                    report.startedAt().plusNanos(report.millis() * 1_000_000), report.millis(), report.steps()), List.of());
        } catch (AnalyticsBusyException | GdsUnavailableException e) {
            return new RefreshAnalyticsPayload(null, List.of(FieldError.of("steps", ErrorCode.INVALID_STATE, e.getMessage())));
        }
    }

    @QueryMapping
    List<Segment> segments() {
        return queries.segments();
    }

    @QueryMapping
    List<Community> communities(@Argument List<String> ids, @Argument Integer first) {
        int n = ArgumentException.checkFirst(first, 20, 100);
        return queries.communities(ids == null ? null : ids.stream().map(id -> parseId("ids", id)).toList(), n);
    }

    @QueryMapping
    ChurnModelInfo churnModel() {
        return queries.currentChurnModel().orElse(null);
    }

    @QueryMapping
    List<ChurnModelInfo> churnModels(@Argument Integer first) {
        return queries.churnModels(false, ArgumentException.checkFirst(first, 10, 100));
    }

    @QueryMapping
    List<AnalyticsRunInfo> analyticsRuns(@Argument Integer first) {
        return queries.runs(ArgumentException.checkFirst(first, 10, 100));
    }

    @SchemaMapping(typeName = "Community", field = "topProducts")
    List<CommunityProduct> topProducts(Community community) {
        return community.characteristic();
    }

    @BatchMapping(typeName = "Customer", field = "rfm")
    Map<Customer, Rfm> rfm(List<Customer> customers) {
        return BatchResults.single(customers, Customer::id, part(customers, CustomerInsight::rfm));
    }

    @BatchMapping(typeName = "Customer", field = "churnRisk")
    Map<Customer, Double> churnRisk(List<Customer> customers) {
        return BatchResults.single(customers, Customer::id, part(customers, CustomerInsight::churnRisk));
    }

    @BatchMapping(typeName = "Customer", field = "churnFactors")
    Map<Customer, List<String>> churnFactors(List<Customer> customers) {
        Map<String, List<String>> factors = part(customers, CustomerInsight::churnFactors);
        Map<Customer, List<String>> result = new java.util.LinkedHashMap<>();
        customers.forEach(c -> result.put(c, factors.getOrDefault(c.id(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Customer", field = "segment")
    Map<Customer, Segment> segment(List<Customer> customers) {
        Map<String, Integer> ids = part(customers, CustomerInsight::segmentId);
        Map<Integer, Segment> segments = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            queries.segments().forEach(s -> segments.put(s.id(), s));
        }
        Map<String, Segment> byCustomer = new java.util.HashMap<>();
        ids.forEach((customer, id) -> {
            if (segments.containsKey(id)) {
                byCustomer.put(customer, segments.get(id));
            }
        });
        return BatchResults.single(customers, Customer::id, byCustomer);
    }

    @BatchMapping(typeName = "Customer", field = "community")
    Map<Customer, Community> community(List<Customer> customers) {
        Map<String, Integer> ids = part(customers, CustomerInsight::communityId);
        Map<Integer, Community> communities = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            queries.communities(Set.copyOf(ids.values()), 100).forEach(c -> communities.put(c.id(), c));
        }
        Map<String, Community> byCustomer = new java.util.HashMap<>();
        ids.forEach((customer, id) -> {
            if (communities.containsKey(id)) {
                byCustomer.put(customer, communities.get(id));
            }
        });
        return BatchResults.single(customers, Customer::id, byCustomer);
    }

    private <T> Map<String, T> part(List<Customer> customers, java.util.function.Function<CustomerInsight, T> part) {
        Map<String, T> values = new java.util.HashMap<>();
        queries.insights(BatchResults.keys(customers, Customer::id)).forEach((id, insight) -> {
            T value = part.apply(insight);
            if (value != null) {
                values.put(id, value);
            }
        });
        return values;
    }

    private static int parseId(String argument, String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw ArgumentException.notFound(argument, "No community with id " + id);
        }
    }
}
