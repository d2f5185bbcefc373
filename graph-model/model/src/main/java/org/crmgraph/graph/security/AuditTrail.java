package org.crmgraph.graph.security;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.SortKey;
import org.springframework.stereotype.Repository;

/** {@code (:AuditEvent)} nodes, newest first; written in the caller's thread so none is lost to a crash. */
@Repository
public class AuditTrail {

    public static final SortKey NEWEST = new SortKey("at", "e.at", ZonedDateTime.class);
    private static final KeysetQuery LIST = new KeysetQuery("MATCH (e:AuditEvent)", "e", "id");
    private static final String RECORD = """
            CREATE (e:AuditEvent {id: $id, at: datetime(), actor: $actor, role: $role, operation: $operation,
                                  target: $target, fields: $fields, outcome: $outcome, detail: $detail})
            """;

    private final CypherRunner cypher;

    public AuditTrail(CypherRunner cypher) {
        this.cypher = cypher;
    }

    public void record(
            String actor,
            Role role,
            String operation,
            String target,
            List<String> fields,
            String outcome,
            String detail) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", UUID.randomUUID().toString());
        parameters.put("actor", actor);
        parameters.put("role", role == null ? null : role.name());
        parameters.put("operation", operation);
        parameters.put("target", target);
        parameters.put("fields", fields);
        parameters.put("outcome", outcome);
        parameters.put("detail", detail);
        cypher.write(RECORD, parameters);
    }

    public Page<AuditEvent> page(AuditFilter filter, PageRequest request) {
        var conditions = new KeysetQuery.Conditions()
                .when(filter.actor(), "actor", "e.actor = $actor")
                .when(filter.operation(), "operation", "e.operation = $operation")
                .when(filter.target(), "target", "e.target = $target")
                .when(filter.since(), "since", "e.at >= $since");
        return LIST.page(cypher, conditions, NEWEST, true, request, AuditEvent::from);
    }
}
