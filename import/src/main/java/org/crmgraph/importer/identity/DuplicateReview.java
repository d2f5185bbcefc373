package org.crmgraph.importer.identity;

import java.util.List;
import java.util.Map;
import org.crmgraph.graph.customer.Customer;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.SortKey;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.stereotype.Service;

/**
 * The review queue: open duplicate candidates, likeliest first, and a data steward's decision on one. {@code SAME}
 * merges the two customers (the older survives); {@code DIFFERENT} is remembered between the two source records,
 * so neither the matcher nor a later import proposes the pair again. Decisions are audited like every mutation and
 * kept on the candidate (who, when).
 */
@Service
public class DuplicateReview {

    public enum Decision {
        SAME,
        DIFFERENT
    }

    /** The decided candidate and, for {@code SAME}, the customer the two became. */
    public record Decided(DuplicateCandidate candidate, Customer customer) {}

    public static final SortKey LIKELIEST = new SortKey("probability", "d.probability", Double.class);
    private static final KeysetQuery OPEN =
            new KeysetQuery("MATCH (d:DuplicateCandidate)", "d", "id", "", DuplicateCandidate.PROJECTION);

    private static final String READ =
            "MATCH (d:DuplicateCandidate {id: $id}) RETURN " + DuplicateCandidate.PROJECTION + " AS d";
    private static final String OLDER_FIRST = """
            UNWIND $ids AS id
            MATCH (c:Customer {id: id})
            RETURN c.id AS id ORDER BY c.createdAt, c.id
            """;
    private static final String DECIDE = """
            MATCH (d:DuplicateCandidate {id: $id}) WHERE d.status = 'OPEN'
            SET d.status = $decision, d.decidedBy = $actor, d.decidedAt = datetime()
            RETURN d.id AS id
            """;
    private static final String REMEMBER_DIFFERENT = """
            MATCH (a:SourceRecord {key: $keys[0]}), (b:SourceRecord {key: $keys[1]})
            MERGE (a)-[r:NOT_SAME]->(b)
              ON CREATE SET r.decidedBy = $actor, r.decidedAt = datetime()
            """;

    private final CypherRunner cypher;
    private final CustomerMerger merger;

    public DuplicateReview(CypherRunner cypher, CustomerMerger merger) {
        this.cypher = cypher;
        this.merger = merger;
    }

    /** Open candidates between two customers that still exist apart, likeliest first. */
    public Page<DuplicateCandidate> open(PageRequest request) {
        var conditions = new KeysetQuery.Conditions()
                .when("OPEN", "status", "d.status = $status")
                .when(2L, "two", "COUNT { (d)-[:CANDIDATE]->(:Customer) } = $two");
        return OPEN.page(cypher, conditions, LIKELIEST, true, request, DuplicateCandidate::from);
    }

    public Outcome<Decided> decide(String candidateId, Decision decision, String actor) {
        var found = cypher.readOptional(READ, Map.of("id", candidateId), r -> DuplicateCandidate.from(r.get("d")));
        if (found.isEmpty()) {
            return Outcome.failure("candidateId", ErrorCode.NOT_FOUND, "no duplicate candidate " + candidateId);
        }
        DuplicateCandidate candidate = found.get();
        if (!candidate.status().equals("OPEN")) {
            return Outcome.failure(
                    "candidateId",
                    ErrorCode.INVALID_STATE,
                    "candidate " + candidateId + " was already decided " + candidate.status() + " by "
                            + candidate.decidedBy());
        }
        if (candidate.customerIds().size() < 2) {
            return Outcome.failure(
                    "candidateId",
                    ErrorCode.INVALID_STATE,
                    "the two records of candidate " + candidateId + " are one customer already (merged another way)");
        }
        Customer customer = null;
        if (decision == Decision.SAME) {
            List<String> older = cypher.read(
                    OLDER_FIRST,
                    Map.of("ids", candidate.customerIds()),
                    r -> r.get("id").asString());
            var merge = merger.merge(older.getFirst(), older.getLast(), false);
            if (!merge.errors().isEmpty()) {
                return Outcome.failure(merge.errors());
            }
            customer = merge.value().customer();
        }
        List<String> keys = candidate.recordKeys();
        cypher.inWrite(tx -> {
            if (decision == Decision.DIFFERENT && keys.size() == 2) {
                tx.run(REMEMBER_DIFFERENT, Map.of("keys", keys, "actor", actor)).consume();
            }
            tx.run(DECIDE, Map.of("id", candidateId, "decision", decision.name(), "actor", actor))
                    .consume();
            return null;
        });
        DuplicateCandidate decided = cypher.readOptional(
                        READ, Map.of("id", candidateId), r -> DuplicateCandidate.from(r.get("d")))
                .orElse(candidate);
        return Outcome.success(new Decided(decided, customer));
    }
}
