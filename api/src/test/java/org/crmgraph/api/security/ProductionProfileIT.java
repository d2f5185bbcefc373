package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crmgraph.api.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production profile: no GraphiQL, no introspection, no schema download, no key printed, security on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "production"})
@Import(TestClients.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class ProductionProfileIT {

    @DynamicPropertySource
    static void ownDataFolder(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(Path.of("target"));
        registry.add("crm.data-dir", () -> tempFolder("production-"));
    }

    private static String tempFolder(String prefix) {
        try {
            return Files.createTempDirectory(Path.of("target"), prefix).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired TestClients clients;

    @Test
    void introspectionIsOffEvenForAnAdmin() {
        clients.as(clients.adminKey()).document("{ __schema { types { name } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        clients.as(clients.adminKey()).document("{ __type(name: \"Customer\") { fields { name } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        // ordinary queries work
        clients.as(clients.adminKey()).document("{ customers { totalCount } }").execute()
                .path("customers.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void graphiqlAndTheSchemaFileAreNotServed() {
        clients.root().build().get().uri("/graphiql").exchange().expectStatus().isNotFound();
        clients.root().defaultHeader("X-API-Key", clients.adminKey()).build()
                .get().uri("/graphql/schema").exchange().expectStatus().is4xxClientError();
    }

    @Test
    void anonymousRequestsAreRefusedAndNoKeyWasPrinted(CapturedOutput output) {
        clients.http().build().post().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ customers { totalCount } }"))
                .exchange().expectStatus().isUnauthorized();
        assertThat(output.getAll()).doesNotContain("Admin API key");
    }
}
