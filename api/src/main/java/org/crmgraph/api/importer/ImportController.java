package org.crmgraph.api.importer;

import java.util.List;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.crmgraph.importer.ImportService;
import org.crmgraph.importer.identity.CustomerMerge;
import org.crmgraph.importer.identity.CustomerMerger;
import org.crmgraph.importer.job.ImportJob;
import org.crmgraph.importer.mapping.EntityType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Bulk imports (queued, polled) and the hand merge of duplicate customers. */
@Controller
class ImportController {

    private static final int MAX_JOBS = 100;

    record StartImportInput(String file, String mapping, EntityType type, Boolean dryRun) {}

    record StartImportPayload(String jobId, ImportJob job, List<FieldError> errors) {
        static StartImportPayload of(Outcome<ImportJob> outcome) {
            return new StartImportPayload(
                    outcome.succeeded() ? outcome.value().id() : null, outcome.value(), outcome.errors());
        }
    }

    record MergeCustomersInput(String survivorId, String mergedId, Boolean dryRun) {}

    record RelationshipCount(String type, long count) {}

    record MergeCustomersPayload(
            Customer customer, boolean dryRun, List<RelationshipCount> moved, List<FieldError> errors) {
        static MergeCustomersPayload of(Outcome<CustomerMerge> outcome, boolean dryRun) {
            if (!outcome.succeeded()) {
                return new MergeCustomersPayload(null, dryRun, List.of(), outcome.errors());
            }
            var merge = outcome.value();
            var moved = merge.moved().entrySet().stream()
                    .map(e -> new RelationshipCount(e.getKey(), e.getValue()))
                    .toList();
            return new MergeCustomersPayload(merge.customer(), dryRun, moved, List.of());
        }
    }

    private final ImportService imports;
    private final CustomerMerger merger;

    ImportController(ImportService imports, CustomerMerger merger) {
        this.imports = imports;
        this.merger = merger;
    }

    @QueryMapping
    ImportJob importJob(@Argument String id) {
        return imports.job(id).orElse(null);
    }

    @QueryMapping
    List<ImportJob> importJobs(@Argument Integer first) {
        int n = PagingProperties.listLength(first, 20, MAX_JOBS);
        return n == 0 ? List.of() : imports.recentJobs(n);
    }

    @MutationMapping
    StartImportPayload startImport(@Argument StartImportInput input) {
        return StartImportPayload.of(
                imports.start(input.file(), input.mapping(), input.type(), Boolean.TRUE.equals(input.dryRun())));
    }

    @MutationMapping
    MergeCustomersPayload mergeCustomers(@Argument MergeCustomersInput input) {
        boolean dryRun = Boolean.TRUE.equals(input.dryRun());
        return MergeCustomersPayload.of(merger.merge(input.survivorId(), input.mergedId(), dryRun), dryRun);
    }
}
