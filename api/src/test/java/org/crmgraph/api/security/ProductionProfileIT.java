package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import java.util.List;
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

/**
 * The production profile: no GraphiQL, no introspection, no schema download, no key printed, security on;
 * and JWT bearer tokens from an identity provider (here a key pair made by the test, as a provider's
 * public key would be configured), beside API keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "production"})
@Import(TestClients.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class ProductionProfileIT {

    static KeyPair identityProvider;

    @DynamicPropertySource
    static void ownDataFolderAndAnIdentityProvider(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(Path.of("target"));
        registry.add("crm.data-dir", () -> tempFolder("production-"));
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        identityProvider = generator.generateKeyPair();
        Path publicKey = Files.createTempFile(Path.of("target"), "idp-", ".pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                .encodeToString(identityProvider.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + publicKey.toAbsolutePath());
        registry.add("crm.security.jwt.audience", () -> "crm-graph");
        registry.add("crm.security.jwt.issuer", () -> "https://idp.example.org");
        registry.add("crm.security.jwt.roles.crm-analysts", () -> "ANALYST");
        registry.add("crm.security.jwt.roles.crm-stewards", () -> "DATA_STEWARD");
        registry.add("crm.security.jwt.roles.crm-admins", () -> "ADMIN");
        // the test profile switches the rate limit off for the shared context; here it is on, small enough to reach
        registry.add("crm.security.rate-limit.requests-per-minute", () -> "60");
        registry.add("crm.security.rate-limit.burst", () -> "20");
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterWhileOtherKeysGoOn() {
        String secret = clients.as(clients.adminKey())
                .document("mutation { createApiKey(input: {name: \"busy client\", role: READ_ONLY}) { secret } }")
                .execute()
                .path("createApiKey.secret")
                .entity(String.class)
                .get();
        var busy = clients.http().defaultHeader("X-API-Key", secret).build();
        int accepted = 0;
        for (int i = 0; i < 25; i++) {
            var result = busy.post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ customers { totalCount } }"))
                    .exchange()
                    .returnResult(String.class);
            if (result.getStatus().value() == 200) {
                accepted++;
                continue;
            }
            assertThat(result.getStatus().value()).isEqualTo(429);
            assertThat(result.getResponseHeaders().getFirst("Retry-After")).isNotNull();
            assertThat(result.getResponseBody().blockFirst()).contains("\"code\":\"RATE_LIMITED\"");
        }
        // the burst, perhaps one more refilled while the loop ran
        assertThat(accepted).isBetween(20, 22);
        clients.as(clients.adminKey())
                .document("{ customers { totalCount } }")
                .execute()
                .path("customers.totalCount")
                .hasValue();
    }

    private static String jwt(String subject, Object roles, KeyPair signer, long expiresInSeconds) throws Exception {
        return jwt(subject, roles, signer, expiresInSeconds, "crm-graph", "https://idp.example.org");
    }

    private static String jwt(
            String subject, Object roles, KeyPair signer, long expiresInSeconds, String audience, String issuer)
            throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .audience(audience)
                .issuer(issuer)
                .claim("roles", roles)
                .expirationTime(new Date(System.currentTimeMillis() + expiresInSeconds * 1000))
                .build();
        var token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        token.sign(new RSASSASigner(signer.getPrivate()));
        return token.serialize();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void operationsOverAWebSocketCountAgainstTheSameLimit() {
        // the attack: past the HTTP limit by opening a socket and sending operations on it
        String secret = clients.as(clients.adminKey())
                .document("mutation { createApiKey(input: {name: \"socket client\", role: READ_ONLY}) { secret } }")
                .execute()
                .path("createApiKey.secret")
                .entity(String.class)
                .get();
        var socket = org.crmgraph.api.events.Subscribers.client(port, secret);
        int accepted = 0;
        int limited = 0;
        try {
            socket.start().block(java.time.Duration.ofSeconds(10));
            for (int i = 0; i < 25; i++) {
                var response = socket.document("{ customers { totalCount } }")
                        .execute()
                        .block(java.time.Duration.ofSeconds(10));
                if (response.isValid() && response.getErrors().isEmpty()) {
                    accepted++;
                    continue;
                }
                assertThat(response.getErrors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED"));
                limited++;
            }
        } finally {
            socket.stop().block(java.time.Duration.ofSeconds(10));
        }
        // the burst, perhaps one more refilled while the loop ran; the rest refused without running
        assertThat(accepted).isBetween(20, 22);
        assertThat(limited).isEqualTo(25 - accepted);
        // and the same key over HTTP finds its bucket as empty
        clients.http()
                .defaultHeader("X-API-Key", secret)
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ customers { totalCount } }"))
                .exchange()
                .expectStatus()
                .isEqualTo(429);
    }

    @Test
    void aJwtFromTheIdentityProviderCarriesItsRolesAndNameIntoGraphQl() throws Exception {
        String analyst = jwt("alice@example.org", List.of("crm-analysts"), identityProvider, 600);
        clients.as(analyst)
                .document("{ customers { totalCount } }")
                .execute()
                .path("customers.totalCount")
                .hasValue();
        clients.as(analyst)
                .document("mutation { createCustomer(input: {name: \"X\"}) { errors { code } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getMessage())
                                .startsWith("Role ANALYST may not use Mutation.createCustomer")));
        clients.as(clients.adminKey())
                .document("{ auditEvents(first: 1) { edges { node { actor role outcome } } } }")
                .execute()
                .path("auditEvents.edges[0].node.actor")
                .entity(String.class)
                .isEqualTo("alice@example.org")
                .path("auditEvents.edges[0].node.outcome")
                .entity(String.class)
                .isEqualTo("DENIED");
        // a role given as a space-separated string works too
        clients.as(jwt("bob", "crm-stewards", identityProvider, 600))
                .document("mutation { createCustomer(input: {name: \"Made By Bob\"}) { errors { code } } }")
                .execute()
                .path("createCustomer.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void forgedExpiredOrRolelessTokensAreRefused() throws Exception {
        var forger = KeyPairGenerator.getInstance("RSA");
        forger.initialize(2048);
        for (String token : List.of(
                jwt("mallory", List.of("crm-admins"), forger.generateKeyPair(), 600),
                jwt("alice", List.of("crm-admins"), identityProvider, -600),
                // signed by our identity provider, but for another application, or by another issuer
                jwt("alice", List.of("crm-admins"), identityProvider, 600, "payroll", "https://idp.example.org"),
                jwt("alice", List.of("crm-admins"), identityProvider, 600, "crm-graph", "https://evil.example"))) {
            clients.http()
                    .defaultHeader("Authorization", "Bearer " + token)
                    .build()
                    .post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ customers { totalCount } }"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        // a valid token without any of our mapped values gets in but may do nothing; a role's own name, in any case,
        // is not a mapped value (before, "admin" or "ADMIN" in the claim made an admin)
        for (Object roles : List.of(List.of("SOMETHING_ELSE"), List.of("ADMIN"), "admin", List.of("CRM-ADMINS"))) {
            clients.as(jwt("carol", roles, identityProvider, 600))
                    .document("{ customers { totalCount } }")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        }
    }

    private static String tempFolder(String prefix) {
        try {
            return Files.createTempDirectory(Path.of("target"), prefix).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    TestClients clients;

    @Test
    void introspectionIsOffEvenForAnAdmin() {
        clients.as(clients.adminKey())
                .document("{ __schema { types { name } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        clients.as(clients.adminKey())
                .document("{ __type(name: \"Customer\") { fields { name } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        // ordinary queries work
        clients.as(clients.adminKey())
                .document("{ customers { totalCount } }")
                .execute()
                .path("customers.totalCount")
                .hasValue();
    }

    @Test
    void graphiqlAndTheSchemaFileAreNotServed() {
        clients.root().build().get().uri("/graphiql").exchange().expectStatus().isNotFound();
        clients.root()
                .defaultHeader("X-API-Key", clients.adminKey())
                .build()
                .get()
                .uri("/graphql/schema")
                .exchange()
                .expectStatus()
                .is4xxClientError();
    }

    @Test
    void anonymousRequestsAreRefusedAndNoKeyWasPrinted(CapturedOutput output) {
        clients.http()
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ customers { totalCount } }"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(output.getAll()).doesNotContain("Admin API key");
    }
}
