package org.crmgraph.api.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.crmgraph.graph.privacy.CustomerPrivacy;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

/** GDPR access and erasure requests, for admins; both are in the audit trail (see the schema's directives). */
@Controller
class PrivacyController {

    record CustomerDataExport(String customerId, OffsetDateTime generatedAt, String format, String json) {}

    record ErasePayload(
            String customerId,
            long sourceRecordsDeleted,
            long interactionsErased,
            long ticketsErased,
            long supportQuestionsErased,
            List<FieldError> errors) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CustomerPrivacy privacy;

    PrivacyController(CustomerPrivacy privacy) {
        this.privacy = privacy;
    }

    @QueryMapping
    CustomerDataExport exportCustomerData(@Argument String id) {
        return privacy.export(id)
                .map(document -> new CustomerDataExport(
                        id,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        "application/json",
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document)))
                .orElse(null);
    }

    @MutationMapping
    ErasePayload eraseCustomer(@Argument String id) {
        return privacy.erase(id)
                .map(e -> new ErasePayload(
                        e.customerId(),
                        e.sourceRecords(),
                        e.interactions(),
                        e.tickets(),
                        e.supportQuestions(),
                        List.of()))
                .orElseGet(() -> new ErasePayload(
                        null,
                        0,
                        0,
                        0,
                        0,
                        List.of(FieldError.of("id", ErrorCode.NOT_FOUND, "No customer has the id " + id + "."))));
    }
}
