package org.crmgraph.importer.stream;

import java.util.List;

/**
 * What became of one record of a streaming request.
 *
 * @param record     the record's number in the request, from 1 (a line of an NDJSON body, an element of a list)
 * @param id         the interaction's or order's id, when the record was accepted
 * @param customerId the customer the record was resolved to (new or existing), when it names somebody
 * @param problems   why it was rejected, or which values were dropped from an accepted record
 */
public record IngestAnswer(long record, Status status, String id, String customerId, List<Problem> problems) {

    public enum Status {
        /** written (or already there with the same content) */
        ACCEPTED,
        /** not written: {@link #problems()} say why */
        REJECTED,
        /** the same record came earlier in this request: written once */
        DUPLICATE,
        /** about a person who was erased: nothing about them is written again */
        ERASED
    }

    /**
     * @param field the record's field (as the client named it) the problem is about; null for the whole record
     */
    public record Problem(String field, String message) {}

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
