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
 * leaving first; the cache is bounded by count and by the bytes of the query texts it holds (a parsed
 * document's size follows its text's), so a client sending huge distinct queries cannot fill the heap.
 */
class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final Map<String, PreparsedDocumentEntry> documents;
    private final long maxBytes;
    private long bytes;

    ParsedDocumentCache(int capacity, long maxBytes) {
        this.maxBytes = maxBytes;
        this.documents = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                if (size() > capacity) {
                    bytes -= weight(eldest.getKey());
                    return true;
                }
                return false;
            }
        });
    }

    private static long weight(String query) {
        return 2L * query.length();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = documents.get(input.getQuery());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        long weight = weight(input.getQuery());
        // a document bigger than a sixteenth of the budget is parsed each time rather than pushing out many others
        if (!entry.hasErrors() && weight <= maxBytes / 16) {
            synchronized (documents) {
                if (documents.put(input.getQuery(), entry) == null) {
                    bytes += weight;
                }
                var eldest = documents.entrySet().iterator();
                while (bytes > maxBytes && eldest.hasNext()) {
                    bytes -= weight(eldest.next().getKey());
                    eldest.remove();
                }
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        return documents.size();
    }

    long bytes() {
        synchronized (documents) {
            return bytes;
        }
    }
}
