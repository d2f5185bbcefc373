package org.crmgraph.api.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.api.TestClients;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GraphiQL as a developer on a machine without internet meets it: everything it loads comes from the service. */
class GraphiqlPageIT extends FixtureGraphTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Autowired
    TestClients clients;

    @Test
    void thePageAndEverythingItLoadsAreServedByTheServiceItself() {
        String page = clients.root()
                .build()
                .get()
                .uri("/graphiql?path=/graphql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).doesNotContain("esm.sh", "unpkg", "jsdelivr", "cdn");
        List<String> references = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(page);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        assertThat(references)
                .hasSize(4)
                .allSatisfy(reference -> assertThat(reference).startsWith("webjars/"));
        for (String reference : references) {
            clients.root()
                    .build()
                    .get()
                    .uri("/" + reference)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        // the bare address redirects to the page with the endpoint, as Spring for GraphQL's own page did
        clients.root().build().get().uri("/graphiql").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void inHeadlessChromiumTheEditorRendersAndAQueryRunsWithTheKeyInTheHeaders() throws Exception {
        Assumptions.assumeTrue(
                HeadlessChromium.available(),
                "Skipped: no Chromium at " + HeadlessChromium.BINARY
                        + " (apt-get install chromium; .ci/run installs it)");
        try (var chromium = new HeadlessChromium()) {
            String origin = clients.root()
                    .build()
                    .get()
                    .uri("/")
                    .exchange()
                    .returnResult(String.class)
                    .getUrl()
                    .toString()
                    .replaceAll("/$", "");
            chromium.navigate(origin + "/graphiql?path=/graphql");
            chromium.waitFor("document.querySelector('.graphiql-container')", Duration.ofSeconds(30));
            // what a developer types: a query in the editor and the key in the Headers tab; GraphiQL keeps both in
            // local storage and reads them back on load
            chromium.evaluate("""
                    localStorage.setItem('graphiql:query', '{ customers(first: 2) { totalCount edges { node { id } } } }');
                    localStorage.setItem('graphiql:headers', JSON.stringify({Authorization: 'Bearer %s'}));
                    true""".formatted(clients.adminKey()));
            chromium.navigate(origin + "/graphiql?path=/graphql");
            chromium.waitFor("document.querySelector('.graphiql-execute-button')", Duration.ofSeconds(30));
            chromium.evaluate("document.querySelector('.graphiql-execute-button').click(); true");
            chromium.waitFor(
                    "document.querySelector('.result-window') && "
                            + "document.querySelector('.result-window').innerText.includes('totalCount')",
                    Duration.ofSeconds(30));
            String result = chromium.evaluate("document.querySelector('.result-window').innerText")
                    .asString();
            assertThat(result)
                    .contains("\"totalCount\"")
                    .contains("\"customers\"")
                    .doesNotContain("UNAUTHENTICATED");
        }
    }
}
