package org.crmgraph.api.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trusted documents (persisted queries, as the GraphQL-over-HTTP draft's "persisted documents" appendix describes
 * them): the query documents in {@code crm.graphql.trusted-documents} are registered under the SHA-256 of their bytes.
 * A client may send {@code {"documentId": "sha256:<hex>", "variables": ...}} instead of the text; with
 * {@code crm.graphql.only-trusted-documents} every other document is refused with UNTRUSTED_DOCUMENT, so a production
 * API answers only the queries its own front end was built with. Off (and free) unless configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${crm.graphql.trusted-documents:}' != '' or ${crm.graphql.only-trusted-documents:false}")
class TrustedDocuments {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> trustedDocumentsFilter(
            CrmGraphQlProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(
                new DocumentFilter(load(properties.trustedDocuments()), properties.onlyTrustedDocuments(), json));
        registration.addUrlPatterns("/graphql");
        // after the size bound, before security: an untrusted document is refused before anything else
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /** Registered documents by the hex SHA-256 of their bytes. */
    static Map<String, String> load(String folder) {
        Map<String, String> documents = new HashMap<>();
        if (folder == null || folder.isBlank()) {
            return documents;
        }
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".graphql")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                documents.put(sha256(bytes), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("crm.graphql.trusted-documents: cannot read " + folder, e);
        }
        return Map.copyOf(documents);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class DocumentFilter extends OncePerRequestFilter {

        private final Map<String, String> documents;
        private final boolean onlyTrusted;
        private final JsonMapper json;

        DocumentFilter(Map<String, String> documents, boolean onlyTrusted, JsonMapper json) {
            this.documents = documents;
            this.onlyTrusted = onlyTrusted;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!"POST".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readAllBytes();
            Map<String, Object> parsed;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = json.readValue(body, Map.class);
                parsed = map;
            } catch (tools.jackson.core.JacksonException e) {
                // not JSON: the GraphQL handler gives the client its usual error
                chain.doFilter(new BodyRequest(request, body), response);
                return;
            }
            Object documentId = parsed.get("documentId");
            Object query = parsed.get("query");
            if (documentId instanceof String id && query == null) {
                String hex = id.startsWith("sha256:") ? id.substring(7) : id;
                String document = documents.get(hex.toLowerCase(java.util.Locale.ROOT));
                if (document == null) {
                    refuse(response, "No trusted document has id '" + id + "'.");
                    return;
                }
                Map<String, Object> rewritten = new LinkedHashMap<>(parsed);
                rewritten.remove("documentId");
                rewritten.put("query", document);
                chain.doFilter(new BodyRequest(request, json.writeValueAsBytes(rewritten)), response);
                return;
            }
            if (onlyTrusted
                    && (!(query instanceof String text)
                            || !documents.containsKey(sha256(text.getBytes(StandardCharsets.UTF_8))))) {
                refuse(
                        response,
                        "Only registered documents are accepted here: send the documentId of a trusted document.");
                return;
            }
            chain.doFilter(new BodyRequest(request, body), response);
        }

        private void refuse(HttpServletResponse response, String message) throws IOException {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getOutputStream()
                    .write(json.writeValueAsBytes(Map.of(
                            "errors",
                            java.util.List.of(Map.of(
                                    "message",
                                    message,
                                    "extensions",
                                    Map.of("code", ErrorCode.UNTRUSTED_DOCUMENT.name()))))));
        }
    }

    /** The request with a body already read (and maybe rewritten). */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is already in memory: it is available, and then all read, at once
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
