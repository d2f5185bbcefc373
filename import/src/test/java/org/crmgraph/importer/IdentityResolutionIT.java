package org.crmgraph.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.fixture.ImportFiles;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.privacy.CustomerPrivacy;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.importer.identity.CustomerUnmerger;
import org.crmgraph.importer.identity.DuplicateCandidate;
import org.crmgraph.importer.identity.DuplicateReview;
import org.crmgraph.importer.identity.DuplicateReview.Decision;
import org.crmgraph.importer.job.ImportJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Probabilistic identity resolution end to end: two sources describe the same people with the usual mess (typo,
 * nickname, swapped names, swapped day and month, a missing postcode, a move), twins share an address, a pair is only
 * likely; then review decisions, unmerge, erasure and re-runs. With this few records the matcher uses its built-in
 * priors (estimation needs crm.identity.matching.min-pairs-to-estimate pairs).
 */
class IdentityResolutionIT extends ImportModuleTest {

    private static final Instant T1 = Instant.parse("2026-01-10T00:00:00Z");
    private static final String HEADER =
            "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth,"
                    + " soc_sec_id\n";
    private static final String SHOP = HEADER + """
            a1, jon, smith, 12, main street, , riverside, 2000, nsw, 19800101,
            a2, anna, taylor, 5, oak avenue, , hillview, 3000, vic, 19900505,
            a3, emma, taylor, 5, oak avenue, , hillview, 3000, vic, 19900505,
            a4, william, brown, 7, wallaby place, delmar, cleveland, 2119, sa, 19560409,
            a5, mary, jones, 3, river road, , springfield, 2400, nsw, 19700315,
            a6, peter, green, 9, hill street, , ashfield, 2131, nsw, 19850607,
            a7, susan, white, 21, king street, , newtown, 2042, nsw, 19751203,
            a8, david, black, 44, queen street, , richmond, 3121, vic, 19881010,
            a9, john, doe, , , , perth, , , ,
            """;
    private static final String HELPDESK = HEADER + """
            b1, john, smyth, 12, main st, , riverside, 2000, nsw, 19800101,
            b4, bill, brown, 7, wallaby pl, delmar, cleveland, 2119, sa, 19560409,
            b5, mary, jones, 88, ocean drive, , bondi, 2026, nsw, 19700315,
            b6, green, peter, 9, hill street, , ashfield, 2131, nsw, 19850607,
            b7, susan, white, 21, king street, , newtown, 2042, nsw, 19750312,
            b8, david, black, 44, queen street, , richmond, , vic, 19881010,
            b9, john, doe, , , , sydney, , , ,
            """;

    @Autowired
    ImportService imports;

    @Autowired
    DuplicateReview review;

    @Autowired
    CustomerUnmerger unmerger;

    @Autowired
    CustomerPrivacy privacy;

    @Autowired
    Pages paging;

    @Autowired
    org.crmgraph.importer.stream.StreamingIngest ingest;

    private Path shop;
    private Path helpdesk;

    @BeforeEach
    void files() {
        shop = ImportFiles.write("shop-people.csv", SHOP, T1);
        helpdesk = ImportFiles.write("helpdesk-people.csv", HELPDESK, T1);
    }

    private ImportJob run(Path file, String mapping, String source) {
        return imports.run(new ImportRequest(file, mapping, null, false, null, source), ImportProgressListener.NONE);
    }

    private String customerOf(String source, String id) {
        return cypher
                .read(
                        "MATCH (:SourceRecord {key: $key})-[:RESOLVED_TO]->(c:Customer) RETURN c.id AS id",
                        Map.of("key", source + ":id:" + id),
                        r -> r.get("id").asString())
                .stream()
                .findFirst()
                .orElse(null);
    }

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    private List<DuplicateCandidate> openCandidates() {
        return review.open(paging.request(100, null, DuplicateReview.LIKELIEST, true)).edges().stream()
                .map(e -> e.node())
                .toList();
    }

    private DuplicateCandidate candidateBetween(String a, String b) {
        String x = customerOf("shop", a);
        String y = customerOf("helpdesk", b) != null ? customerOf("helpdesk", b) : customerOf("shop", b);
        return openCandidates().stream()
                .filter(c -> c.customerIds().containsAll(List.of(x, y)))
                .findFirst()
                .orElse(null);
    }

    private void importBoth() {
        run(shop, "febrl", "shop");
        ImportJob second = run(helpdesk, "febrl", "helpdesk");
        assertThat(second.duplicatesMerged()).isEqualTo(6);
    }

    @Test
    void theSamePeopleFromTwoSourcesBecomeOneCustomerEachAndUncertainPairsWaitForReview() {
        importBoth();

        // typo and nickname, nickname, a move within the state, swapped names, swapped day and month, no postcode
        for (String n : List.of("1", "4", "5", "6", "7", "8")) {
            assertThat(customerOf("helpdesk", "b" + n)).as("b%s", n).isEqualTo(customerOf("shop", "a" + n));
        }
        // twins at one address stay two customers: at most a candidate for a steward
        assertThat(customerOf("shop", "a2")).isNotEqualTo(customerOf("shop", "a3"));
        assertThat(candidateBetween("a2", "a3")).isNotNull();
        // the same name in two cities and nothing else: likely, not certain
        DuplicateCandidate doe = candidateBetween("a9", "b9");
        assertThat(doe).isNotNull();
        assertThat(doe.probability()).isBetween(0.5, 0.99);
        assertThat(doe.evidence()).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("CITY");
            assertThat(e.level()).isEqualTo("DIFFERENT");
            assertThat(e.weight()).isNegative();
        });
        assertThat(count("MATCH (c:Customer)<-[:RESOLVED_TO]-(:SourceRecord) RETURN count(DISTINCT c)"))
                .isEqualTo(10);
        // survivorship: the older customer survives with the newest values, the address fields included
        var merged = cypher.read(
                        "MATCH (c:Customer {id: $id}) RETURN c.givenName AS given, c.familyName AS family,"
                                + " c.birthDate AS born, c.postcode AS postcode",
                        Map.of("id", customerOf("shop", "a7")),
                        r -> r)
                .getFirst();
        assertThat(merged.get("family").asString()).isEqualTo("White");
        assertThat(merged.get("born").isNull()).isFalse();
    }

    @Test
    void aStewardsDecisionIsRememberedAndReRunningTheImportsChangesNothing() {
        importBoth();
        DuplicateCandidate doe = candidateBetween("a9", "b9");
        var decided = review.decide(doe.id(), Decision.DIFFERENT, "steward-1");
        assertThat(decided.errors()).isEmpty();
        assertThat(decided.value().candidate().status()).isEqualTo("DIFFERENT");
        assertThat(decided.value().candidate().decidedBy()).isEqualTo("steward-1");
        // decided once
        assertThat(review.decide(doe.id(), Decision.SAME, "steward-2").errors())
                .singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));

        String before = snapshot();
        run(shop, "febrl", "shop");
        run(helpdesk, "febrl", "helpdesk");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(candidateBetween("a9", "b9")).isNull();

        // SAME merges the twins' candidate... a steward may be wrong, and unmerge undoes it
        DuplicateCandidate twins = candidateBetween("a2", "a3");
        var same = review.decide(twins.id(), Decision.SAME, "steward-1");
        assertThat(same.errors()).isEmpty();
        assertThat(customerOf("shop", "a2")).isEqualTo(customerOf("shop", "a3"));
    }

    @Test
    void unmergeSplitsACustomerBackWithWhatEachRecordBrought() throws Exception {
        importBoth();
        Path orders = ImportFiles.write("helpdesk-orders.jsonl", """
                {"orderId": "H-1", "sku": "SKU-1", "productName": "Mug", "quantity": 1, "unitPrice": 5, "placedAt": "2026-01-05T10:00:00Z", "customer": {"id": "b1"}}
                {"orderId": "S-1", "sku": "SKU-2", "productName": "Tea", "quantity": 2, "unitPrice": 3, "placedAt": "2026-01-06T10:00:00Z", "customer": {"id": "a1"}}
                """, T1);
        run(orders, "orders-jsonl", "helpdesk");
        run(orders, "orders-jsonl", "shop");
        Path chats = ImportFiles.write("helpdesk-chats.jsonl", """
                {"id": "chat-1", "channel": "CHAT", "type": "message", "at": "2026-01-07T10:00:00Z", "text": "hi", "customer": {"id": "b1"}}
                """, T1);
        run(chats, "interactions-jsonl", "helpdesk");
        String merged = customerOf("shop", "a1");
        String originOfB1 = cypher.read(
                        "MATCH (sr:SourceRecord {key: 'helpdesk:id:b1'}) RETURN sr.originId AS id",
                        Map.of(),
                        r -> r.get("id").asString())
                .getFirst();
        assertThat(originOfB1).isNotEqualTo(merged);

        var split = unmerger.unmerge(merged, "steward-1");

        assertThat(split.errors()).isEmpty();
        assertThat(split.value()).extracting(c -> c.id()).containsExactlyInAnyOrder(merged, originOfB1);
        assertThat(customerOf("helpdesk", "b1")).isEqualTo(originOfB1);
        assertThat(customerOf("shop", "a1")).isEqualTo(merged);
        // each order went with the record that brought it
        assertThat(ordersOf(merged)).containsExactly("S-1");
        assertThat(ordersOf(originOfB1)).containsExactly("H-1");
        assertThat(count("MATCH (:Customer {id: '" + originOfB1 + "'})-[:HAD]->(:Interaction {id: 'chat-1'})"
                        + " RETURN count(*)"))
                .isOne();
        // fields from each customer's own records: the split-off one is Smyth again
        assertThat(cypher.read(
                                "MATCH (c:Customer {id: $id}) RETURN c.familyName AS f",
                                Map.of("id", originOfB1),
                                r -> r.get("f").asString())
                        .getFirst())
                .isEqualTo("Smyth");
        // and matching does not merge them back
        run(helpdesk, "febrl", "helpdesk");
        assertThat(customerOf("helpdesk", "b1")).isNotEqualTo(customerOf("shop", "a1"));
        // nothing left to split
        assertThat(unmerger.unmerge(originOfB1, "steward-1").errors())
                .singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
    }

    @Test
    void aStreamedRecordIsMatchedInItsOwnTransactionAndItsAnswerNamesWhomThePersonBecame() {
        run(shop, "febrl", "shop");
        String brown = customerOf("shop", "a4");
        var result = ingest.ingest(org.crmgraph.importer.stream.IngestKind.ORDERS, "till", List.of("""
                        {"orderId": "T-1", "sku": "SKU-9", "productName": "Pen", "quantity": 1, "unitPrice": 2,                         "placedAt": "2026-01-08T10:00:00Z", "customer": {"id": "t-77", "givenName": "Bill",                         "familyName": "Brown", "street": "7 Wallaby Pl", "postcode": "2119", "city": "Cleveland",                         "birthDate": "1956-04-09"}}"""));

        assertThat(result.records())
                .singleElement()
                .satisfies(answer -> assertThat(answer.customerId()).isEqualTo(brown));
        assertThat(customerOf("till", "t-77")).isEqualTo(brown);
        assertThat(ordersOf(brown)).containsExactly("T-1");
    }

    private List<String> ordersOf(String customerId) {
        return cypher.read(
                "MATCH (:Customer {id: $id})-[:PLACED]->(o:Order) RETURN o.id AS id ORDER BY id",
                Map.of("id", customerId),
                r -> r.get("id").asString());
    }

    @Test
    void anIdentifierSharedByPeopleOfOtherNamesMatchesNobody() throws Exception {
        Path people = ImportFiles.write("shared-email.csv", """
                id,name,email,phone,country,city,updated_at
                s1,Alice Archer,info@acme.example,,GB,London,
                s2,Bob Brown,info@acme.example,,GB,London,
                s3,Carol Clark,info@acme.example,,GB,London,
                s4,Alice Archer,alice@acme.example,,GB,London,
                """, T1);
        run(people, "customers-csv", null);

        assertThat(List.of(customerOf("crm", "s1"), customerOf("crm", "s2"), customerOf("crm", "s3")))
                .doesNotHaveDuplicates();
        // the e-mail is used by three family names: no evidence for anyone sharing it
        assertThat(count("MATCH (b:MatchBlock {kind: 'email'})<-[:IN_BLOCK]-(sr) WITH b, count(sr) AS n"
                        + " WHERE n = 3 RETURN count(b)"))
                .isEqualTo(1);
        assertThat(count("MATCH (b:MatchBlock) WHERE b.key CONTAINS 'acme' RETURN count(b)"))
                .as("blocks keep no personal value")
                .isZero();
    }

    @Test
    void anErasedPersonIsNeverMatchedBackNorCreatedAgain() {
        importBoth();
        String brown = customerOf("shop", "a4");
        assertThat(privacy.erase(brown)).isPresent();
        assertThat(count("MATCH (b:MatchBlock) WHERE NOT (b)<-[:IN_BLOCK]-() RETURN count(b)"))
                .isZero();

        run(shop, "febrl", "shop");
        run(helpdesk, "febrl", "helpdesk");

        assertThat(customerOf("shop", "a4")).isNull();
        assertThat(customerOf("helpdesk", "b4")).isNull();
        assertThat(count("MATCH (c:Customer {id: '" + brown + "'})<-[:RESOLVED_TO]-() RETURN count(*)"))
                .isZero();
        // a new source describing the same person makes a new customer, never the erased one
        Path other = ImportFiles.write(
                "other.csv",
                HEADER + "x4, william, brown, 7, wallaby place, delmar," + " cleveland, 2119, sa, 19560409,\n",
                T1);
        run(other, "febrl", "crm2");
        assertThat(customerOf("crm2", "x4")).isNotNull().isNotEqualTo(brown);
    }

    private String snapshot() {
        return cypher.read(
                                """
                        MATCH (c:Customer)
                        RETURN c.id AS id, c{.name, .givenName, .familyName, .street, .postcode, .city, .region,
                                             .birthDate} AS fields,
                               COUNT { (c)--() } AS degree
                        ORDER BY id
                        """,
                                Map.of(),
                                r -> r.get("id").asString()
                                        + r.get("fields").asMap()
                                        + r.get("degree").asLong())
                        .toString()
                + count("MATCH (d:DuplicateCandidate) RETURN count(d)")
                + count("MATCH ()-[r:IN_BLOCK]->() RETURN count(r)");
    }
}
