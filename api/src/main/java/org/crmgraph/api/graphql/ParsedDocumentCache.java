package org.crmgraph.api.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps parsed and validated query documents, keyed by their text, so the handful of queries a
 * front end sends are parsed and validated once instead of on every request (about a sixth of the
 * service's CPU per simple request before). Validation does not depend on variables, so a cached
 * document is as good as a fresh one. Only valid documents are kept, the least recently used
 * leaving first.
 */
class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final Map<String, PreparsedDocumentEntry> documents;

    ParsedDocumentCache(int capacity) {
        this.documents = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > capacity;
            }
        });
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = documents.get(input.getQuery());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(input.getQuery(), entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        return documents.size();
    }
}
