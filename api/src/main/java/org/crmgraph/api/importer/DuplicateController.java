package org.crmgraph.api.importer;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.graphql.Connection;
import org.crmgraph.api.security.Caller;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.customer.CustomerService;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.crmgraph.importer.identity.CustomerUnmerger;
import org.crmgraph.importer.identity.DuplicateCandidate;
import org.crmgraph.importer.identity.DuplicateReview;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The review queue of identity resolution, a steward's decision on a pair, and unmerge. */
@Controller
class DuplicateController {

    record ResolveDuplicateInput(String candidateId, DuplicateReview.Decision decision) {}

    record ResolveDuplicatePayload(DuplicateCandidate candidate, Customer customer, List<FieldError> errors) {}

    record UnmergeCustomerPayload(List<Customer> customers, List<FieldError> errors) {}

    private final DuplicateReview review;
    private final CustomerUnmerger unmerger;
    private final CustomerService customers;
    private final Pages paging;

    DuplicateController(DuplicateReview review, CustomerUnmerger unmerger, CustomerService customers, Pages paging) {
        this.review = review;
        this.unmerger = unmerger;
        this.customers = customers;
        this.paging = paging;
    }

    @QueryMapping
    Connection<DuplicateCandidate> duplicateCandidates(@Argument Integer first, @Argument String after) {
        return Connection.of(review.open(paging.request(first, after, DuplicateReview.LIKELIEST, true)));
    }

    @BatchMapping(typeName = "DuplicateCandidate", field = "customers")
    Map<DuplicateCandidate, List<Customer>> customers(List<DuplicateCandidate> candidates) {
        List<String> ids = candidates.stream()
                .flatMap(c -> c.customerIds().stream())
                .distinct()
                .toList();
        Map<String, Customer> byId = customers.findAll(ids);
        Map<DuplicateCandidate, List<Customer>> result = new java.util.LinkedHashMap<>();
        for (DuplicateCandidate candidate : candidates) {
            result.put(
                    candidate,
                    candidate.customerIds().stream()
                            .map(byId::get)
                            .filter(java.util.Objects::nonNull)
                            .toList());
        }
        return result;
    }

    @MutationMapping
    ResolveDuplicatePayload resolveDuplicate(@Argument ResolveDuplicateInput input) {
        Outcome<DuplicateReview.Decided> outcome = review.decide(
                input.candidateId(), input.decision(), Caller.current().name());
        return outcome.succeeded()
                ? new ResolveDuplicatePayload(
                        outcome.value().candidate(), outcome.value().customer(), List.of())
                : new ResolveDuplicatePayload(null, null, outcome.errors());
    }

    @MutationMapping
    UnmergeCustomerPayload unmergeCustomer(@Argument String id) {
        Outcome<List<Customer>> outcome = unmerger.unmerge(id, Caller.current().name());
        return outcome.succeeded()
                ? new UnmergeCustomerPayload(outcome.value(), List.of())
                : new UnmergeCustomerPayload(List.of(), outcome.errors());
    }
}
