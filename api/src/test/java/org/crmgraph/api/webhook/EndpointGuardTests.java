package org.crmgraph.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an attacker aims a webhook at to reach the service's own network (server-side request forgery). */
class EndpointGuardTests {

    private static EndpointGuard guard(boolean allowPrivate) {
        return new EndpointGuard(new WebhookProperties(
                true,
                allowPrivate,
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                8,
                Duration.ofSeconds(10),
                Duration.ofHours(1),
                Duration.ofSeconds(10),
                8,
                Duration.ofDays(7),
                100));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost/hook",
                "http://127.0.0.1/hook",
                "http://0.0.0.0:8080/",
                "http://10.0.0.5/",
                "http://172.16.3.4/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/",
                "http://[::1]/",
                "http://[::]/",
                "http://[fd00::1]/",
                "http://[fe80::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:10.0.0.1]/",
                "http://[64:ff9b::7f00:1]/",
                "http://[2002:7f00:1::]/",
                "http://[::127.0.0.1]/",
                "http://224.0.0.1/",
                "http://255.255.255.255/"
            })
    void internalAddressesAreRefusedUnlessAllowed(String url) {
        assertThat(guard(false).problem(url)).as(url).isPresent();
        assertThat(guard(true).problem(url)).as(url + " when allowed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.com/x",
                "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_x",
                "javascript:alert(1)",
                "/relative/path",
                "http:///no-host",
                "http://user:secret@example.com/x",
                "https://example.com/x#fragment",
                "http://exa mple.com/"
            })
    void onlyAbsoluteHttpUrlsWithoutCredentialsAreEndpointsEvenWhenPrivateAddressesAreAllowed(String url) {
        assertThat(guard(true).problem(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hook", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"})
    void publicAddressesAreAccepted(String url) {
        assertThat(guard(false).problem(url)).as(url).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anAddressIsJudgedByTheIpv4AddressItCarries() throws Exception {
        assertThat(EndpointGuard.isPublic(InetAddress.getByName("64:ff9b::5db8:d70e")))
                .isTrue();
        assertThat(EndpointGuard.isPublic(InetAddress.getByName("64:ff9b::a00:1")))
                .isFalse();
        assertThat(EndpointGuard.isPublic(InetAddress.getByName("2002:5db8:d70e::1")))
                .isTrue();
    }

    @org.junit.jupiter.api.Test
    void aNameThatDoesNotResolveIsRefused() {
        assertThat(guard(false).problem("https://no-such-host.invalid/hook"))
                .get()
                .asString()
                .contains("does not resolve");
    }
}
