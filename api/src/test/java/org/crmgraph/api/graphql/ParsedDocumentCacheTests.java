package org.crmgraph.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParsedDocumentCacheTests {

    private final AtomicInteger parses = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parses.incrementAndGet();
        return input.getQuery().contains("broken")
                ? new PreparsedDocumentEntry(
                        GraphqlErrorBuilder.newError().message("invalid").build())
                : new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    private PreparsedDocumentEntry get(ParsedDocumentCache cache, String query) {
        return cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parse)
                .join();
    }

    @Test
    void parsesEachDocumentOnceWhateverTheVariables() {
        var cache = new ParsedDocumentCache(10, 1 << 20);
        var first = get(cache, "{ customer(id: \"1\") { name } }");
        var again = cache.getDocumentAsync(
                        ExecutionInput.newExecutionInput("{ customer(id: \"1\") { name } }")
                                .variables(java.util.Map.of("x", 1))
                                .build(),
                        parse)
                .join();
        assertThat(again.getDocument()).isSameAs(first.getDocument());
        assertThat(parses).hasValue(1);
    }

    @Test
    void invalidDocumentsAreNotKept() {
        var cache = new ParsedDocumentCache(10, 1 << 20);
        assertThat(get(cache, "{ broken }").hasErrors()).isTrue();
        get(cache, "{ broken }");
        assertThat(parses).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        var cache = new ParsedDocumentCache(2, 1 << 20);
        get(cache, "{ a }");
        get(cache, "{ b }");
        get(cache, "{ a }");
        get(cache, "{ c }");
        assertThat(cache.size()).isEqualTo(2);
        get(cache, "{ a }");
        assertThat(parses).hasValue(3);
        get(cache, "{ b }");
        assertThat(parses).hasValue(4);
    }

    @Test
    void aClientSendingHugeDistinctQueriesCannotGrowTheCachePastItsBytes() {
        var cache = new ParsedDocumentCache(1000, 64 * 1024);
        for (int i = 0; i < 200; i++) {
            // about 3 KiB of text each, all different
            get(cache, "{ a" + i + " " + "b ".repeat(1500) + "}");
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(64 * 1024);
        assertThat(cache.size()).isLessThan(200);
        get(cache, "{ " + "huge ".repeat(2000) + "}");
        assertThat(cache.bytes())
                .as("a document above a sixteenth of the budget is not kept")
                .isLessThanOrEqualTo(64 * 1024);
    }
}
