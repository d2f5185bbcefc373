package org.crmgraph.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** A documentId becomes its registered document; with only trusted documents, anything else is refused. */
class TrustedDocumentsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENT = "query Dashboard { tickets { totalCount } }";

    @TempDir
    Path folder;

    private OncePerRequestFilter filter(boolean onlyTrusted) throws Exception {
        Files.writeString(folder.resolve("dashboard.graphql"), DOCUMENT);
        var properties = new CrmGraphQlProperties(
                1000,
                15,
                100000,
                500,
                5,
                262144,
                8388608,
                java.time.Duration.ofSeconds(60),
                java.time.Duration.ofHours(24),
                folder.toString(),
                onlyTrusted);
        return new TrustedDocuments().trustedDocumentsFilter(properties, JSON).getFilter();
    }

    private static MockHttpServletRequest post(Map<String, Object> body) {
        var request = new MockHttpServletRequest("POST", "/graphql");
        request.setContent(JSON.writeValueAsBytes(body));
        request.setContentType("application/json");
        return request;
    }

    private static String hash() {
        return "sha256:" + TrustedDocuments.sha256(DOCUMENT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentIdIsReplacedByTheRegisteredDocument() throws Exception {
        var chain = new MockFilterChain();
        filter(false)
                .doFilter(
                        post(Map.of("documentId", hash(), "variables", Map.of())),
                        new MockHttpServletResponse(),
                        chain);
        @SuppressWarnings("unchecked")
        Map<String, Object> forwarded =
                JSON.readValue(chain.getRequest().getInputStream().readAllBytes(), Map.class);
        assertThat(forwarded).containsEntry("query", DOCUMENT).doesNotContainKey("documentId");
    }

    @Test
    void anUnknownDocumentIdIsRefusedWithUntrustedDocument() throws Exception {
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        filter(false).doFilter(post(Map.of("documentId", "sha256:" + "0".repeat(64))), response, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("UNTRUSTED_DOCUMENT");
    }

    @Test
    void onlyTrustedDocumentsRefusesAnyOtherTextButPassesTheRegisteredOne() throws Exception {
        var refused = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        filter(true).doFilter(post(Map.of("query", "{ customers { edges { node { email } } } }")), refused, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(refused.getContentAsString()).contains("UNTRUSTED_DOCUMENT");

        var passed = new MockFilterChain();
        filter(true).doFilter(post(Map.of("query", DOCUMENT)), new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).isNotNull();
        var byId = new MockFilterChain();
        filter(true).doFilter(post(Map.of("documentId", hash())), new MockHttpServletResponse(), byId);
        assertThat(byId.getRequest()).isNotNull();
    }
}
