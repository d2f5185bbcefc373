package org.crmgraph.importer.stream;

import java.util.List;

/** The answer to one streaming request: one {@link IngestAnswer} per record, in the order they came. */
public record IngestResult(List<IngestAnswer> records) {

    public long accepted() {
        return records.stream().filter(IngestAnswer::accepted).count();
    }

    public long rejected() {
        return records.size() - accepted();
    }
}
