package org.crmgraph.api.node;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Global ids: the type and the type's own id, base64url-encoded ({@code Customer:c1} becomes {@code Q3VzdG9tZXI6YzE}),
 * unique across types and opaque to clients, as Relay's {@code Node} interface asks. Nothing secret is in them.
 */
record GlobalId(String type, String id) {

    static final Set<String> TYPES = Set.of("Customer", "Product", "Order", "Ticket", "Article", "Interaction");

    /** Longer inputs are not ids this service made; refused before decoding. */
    private static final int MAX_LENGTH = 400;

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The type and id in a global id, or empty when it is not one this service hands out. */
    static Optional<GlobalId> decode(String globalId) {
        if (globalId == null || globalId.isEmpty() || globalId.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                return Optional.empty();
            }
            String type = text.substring(0, colon);
            return TYPES.contains(type) ? Optional.of(new GlobalId(type, text.substring(colon + 1))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
