package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.crmgraph.api.TestClients;
import org.crmgraph.graph.cypher.CypherRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo set-up on an empty data folder: no built-in password, but an admin key generated and printed
 * once, stored only as a hash, and accepted at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClients.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class FirstStartIT {

    private static final Pattern PRINTED_KEY =
            Pattern.compile("^\\s+(crm_[0-9a-f]{12}_[A-Za-z0-9_-]{43})\\s*$", Pattern.MULTILINE);

    @DynamicPropertySource
    static void emptyDataFolderAndNoProvisionedKey(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(Path.of("target"));
        Path folder = Files.createTempDirectory(Path.of("target"), "first-start-");
        registry.add("crm.data-dir", folder::toString);
        registry.add("crm.security.admin-key", () -> "");
    }

    @Autowired
    TestClients clients;

    @Autowired
    CypherRunner cypher;

    @Test
    void theFirstStartPrintsAGeneratedAdminKeyThatWorks(CapturedOutput output) {
        // the context started before this method; its output is in the captured stream of the class
        String printed = output.getAll();
        var matcher = PRINTED_KEY.matcher(printed);
        assertThat(matcher.find()).as("an admin key is printed:\n" + printed).isTrue();
        String key = matcher.group(1);
        assertThat(printed).contains("Admin API key (shown once");
        clients.as(key)
                .document("{ apiKeys { role createdBy } }")
                .execute()
                .path("apiKeys[0].role")
                .entity(String.class)
                .isEqualTo("ADMIN")
                .path("apiKeys[0].createdBy")
                .entity(String.class)
                .isEqualTo("bootstrap");
        assertThat(cypher.read(
                                "MATCH (k:ApiKey) RETURN count(k) AS n, collect(k.hash)[0] AS hash",
                                Map.of(),
                                r -> r.get("n").asLong() + " " + r.get("hash").asString())
                        .getFirst())
                .startsWith("1 ")
                .doesNotContain(key);
    }
}
