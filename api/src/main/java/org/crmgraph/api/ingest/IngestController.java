package org.crmgraph.api.ingest;

import java.util.List;
import java.util.Map;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.importer.stream.IngestAnswer;
import org.crmgraph.importer.stream.IngestKind;
import org.crmgraph.importer.stream.IngestResult;
import org.crmgraph.importer.stream.StreamingIngest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ingestInteractions} and {@code ingestOrders}: the GraphQL face of {@link StreamingIngest}. Each input record
 * is handed on as the JSON object the NDJSON endpoint would get, so both are cleaned by the same mapping and answer
 * alike.
 */
@Controller
class IngestController {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record IngestPayload(long accepted, long rejected, List<IngestAnswer> records, List<FieldError> errors) {

        static IngestPayload of(IngestResult result) {
            return new IngestPayload(result.accepted(), result.rejected(), result.records(), List.of());
        }

        static IngestPayload refused(String field, ErrorCode code, String message) {
            return new IngestPayload(0, 0, List.of(), List.of(FieldError.of(field, code, message)));
        }
    }

    private final StreamingIngest ingest;

    IngestController(StreamingIngest ingest) {
        this.ingest = ingest;
    }

    @MutationMapping
    IngestPayload ingestInteractions(@Argument String source, @Argument List<Map<String, Object>> records) {
        return run(IngestKind.INTERACTIONS, source, records);
    }

    @MutationMapping
    IngestPayload ingestOrders(@Argument String source, @Argument List<Map<String, Object>> records) {
        return run(IngestKind.ORDERS, source, records);
    }

    private IngestPayload run(IngestKind kind, String source, List<Map<String, Object>> records) {
        if (records.size() > ingest.maxRecords()) {
            return IngestPayload.refused(
                    "records",
                    ErrorCode.OUT_OF_RANGE,
                    "At most " + ingest.maxRecords() + " records per request; this one has " + records.size()
                            + ". Send them in several requests.");
        }
        var sourceProblem = ingest.sourceProblem(source);
        if (sourceProblem.isPresent()) {
            return IngestPayload.refused("source", ErrorCode.INVALID_FORMAT, sourceProblem.get());
        }
        return IngestPayload.of(ingest.ingest(
                kind, source, records.stream().map(JSON::writeValueAsString).toList()));
    }
}
