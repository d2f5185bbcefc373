package org.crmgraph.api.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmgraph.api.security.JsonErrors;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.importer.ImportProperties;
import org.crmgraph.importer.stream.IngestAnswer;
import org.crmgraph.importer.stream.IngestKind;
import org.crmgraph.importer.stream.IngestResult;
import org.crmgraph.importer.stream.StreamingIngest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /ingest/interactions} and {@code POST /ingest/orders}: newline-delimited JSON in (one record per line,
 * as the {@code interactions-jsonl} and {@code orders-jsonl} mappings read them), one answer per line out, in order
 * ({@code application/x-ndjson}). For systems that send events as they happen; DATA_STEWARD and ADMIN keys only
 * (the security configuration). A request past the record or byte limit is refused whole (413) before anything is
 * written; a bad line is answered as rejected and the others are written.
 */
@RestController
class NdjsonIngestEndpoint {

    static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final StreamingIngest ingest;
    private final long maxBytes;

    NdjsonIngestEndpoint(StreamingIngest ingest, ImportProperties properties) {
        this.ingest = ingest;
        this.maxBytes = properties.streamMaxBytes();
    }

    @PostMapping(path = "/ingest/{kind}")
    void ingest(
            @PathVariable String kind,
            @RequestParam(required = false) String source,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        IngestKind ingestKind;
        try {
            ingestKind = IngestKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            JsonErrors.write(
                    response,
                    HttpServletResponse.SC_NOT_FOUND,
                    ErrorCode.NOT_FOUND.name(),
                    "No ingest of '" + kind + "': use /ingest/interactions or /ingest/orders.");
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes);
        if (body == null) {
            JsonErrors.write(
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    ErrorCode.OUT_OF_RANGE.name(),
                    "The body is larger than " + maxBytes + " bytes (crm.import.stream-max-bytes); nothing was"
                            + " written. Send the records in several requests.");
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            JsonErrors.write(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    ErrorCode.INVALID_FORMAT.name(),
                    "The body is not UTF-8 text; nothing was written.");
            return;
        }
        List<String> lines = lines(text);
        if (lines.size() > ingest.maxRecords()) {
            JsonErrors.write(
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    ErrorCode.OUT_OF_RANGE.name(),
                    "At most " + ingest.maxRecords() + " records per request (crm.import.stream-max-records); this one"
                            + " has " + lines.size() + ". Nothing was written.");
            return;
        }
        var sourceProblem = ingest.sourceProblem(source);
        if (sourceProblem.isPresent()) {
            JsonErrors.write(
                    response, HttpServletResponse.SC_BAD_REQUEST, ErrorCode.INVALID_FORMAT.name(), sourceProblem.get());
            return;
        }
        IngestResult result = ingest.ingest(ingestKind, source, lines);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-CRM-Accepted", Long.toString(result.accepted()));
        response.setHeader("X-CRM-Rejected", Long.toString(result.rejected()));
        try (OutputStream out = response.getOutputStream()) {
            for (IngestAnswer answer : result.records()) {
                // {"record":1,"status":"ACCEPTED","id":"..","customerId":"..","problems":[]}, null where none
                out.write(JSON.writeValueAsBytes(answer));
                out.write('\n');
            }
        }
    }

    /** The body's lines without their ends; the empty line after a final newline is not a record. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        if (!lines.isEmpty() && lines.getFirst().startsWith("\uFEFF")) {
            lines.set(0, lines.getFirst().substring(1));
        }
        return lines;
    }

    /** The whole body, or null when it is longer than {@code max} bytes (reading stops there). */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(chunk)) >= 0) {
            total += read;
            if (total > max) {
                return null;
            }
            buffer.write(chunk, 0, read);
        }
        return buffer.toByteArray();
    }
}
