package org.crmgraph.graph.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretBoxTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aSealedSecretHidesTheSecretAndOpensToIt() {
        var box = new WebhookSecretBox(KEY);
        String sealed = box.seal("whsec_abc");

        assertThat(sealed).startsWith(WebhookSecretBox.SEALED).doesNotContain("whsec_abc");
        assertThat(box.seal("whsec_abc")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("whsec_abc");
    }

    @Test
    void withoutAKeySecretsStayAsTheyAreAndSecretsFromBeforeTheKeyStillOpen() {
        assertThat(new WebhookSecretBox("").seal("whsec_abc")).isEqualTo("whsec_abc");
        assertThat(new WebhookSecretBox(KEY).open("whsec_old")).isEqualTo("whsec_old");
    }

    @Test
    void anotherKeyOrNoKeyCannotOpenASealedSecretAndSaysWhy() {
        String sealed = new WebhookSecretBox(KEY).seal("whsec_abc");
        assertThatThrownBy(() -> new WebhookSecretBox(OTHER_KEY).open(sealed)).hasMessageContaining("another key");
        assertThatThrownBy(() -> new WebhookSecretBox("").open(sealed)).hasMessageContaining("crm.webhooks.secret-key");
        // a tampered value fails the tag
        String tampered = sealed.substring(0, sealed.length() - 4) + "AAA=";
        assertThatThrownBy(() -> new WebhookSecretBox(KEY).open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyThatIsNot32BytesOfBase64IsRefusedAtStart() {
        assertThatThrownBy(() -> new WebhookSecretBox("not base64!")).hasMessageContaining("Base64");
        assertThatThrownBy(() -> new WebhookSecretBox(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }
}
