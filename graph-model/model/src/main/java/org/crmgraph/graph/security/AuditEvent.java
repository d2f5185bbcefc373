package org.crmgraph.graph.security;

import java.time.OffsetDateTime;
import java.util.List;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/**
 * Who did what to which record. Only names of the changed fields are kept, never their values: the
 * trail must not become a second copy of personal data that erasure would have to chase.
 *
 * @param operation the GraphQL field or command, e.g. {@code updateCustomer}, {@code exportCustomerData}
 * @param target    the id the operation was about, when it had one
 * @param fields    the input fields the caller sent
 * @param outcome   {@code OK}, {@code REJECTED} (validation errors as data), {@code DENIED} or {@code FAILED}
 */
public record AuditEvent(
        String id,
        OffsetDateTime at,
        String actor,
        String role,
        String operation,
        String target,
        List<String> fields,
        String outcome,
        String detail) {

    static AuditEvent from(Value value) {
        return new AuditEvent(
                value.get("id").asString(),
                Records.dateTime(value.get("at")),
                value.get("actor").asString(),
                Records.string(value.get("role")),
                value.get("operation").asString(),
                Records.string(value.get("target")),
                Records.strings(value.get("fields")),
                value.get("outcome").asString(),
                Records.string(value.get("detail")));
    }
}
