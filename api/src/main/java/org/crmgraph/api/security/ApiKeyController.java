package org.crmgraph.api.security;

import java.util.List;
import org.crmgraph.graph.security.ApiKey;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** API keys for admins: list, create (the secret is returned once), revoke. */
@Controller
class ApiKeyController {

    static final int MAX_NAME = 100;

    record CreateApiKeyInput(String name, Role role) {}

    record CreateApiKeyPayload(ApiKey apiKey, String secret, List<FieldError> errors) {}

    record ApiKeyPayload(ApiKey apiKey, List<FieldError> errors) {}

    private final ApiKeyStore keys;
    private final ApiKeyRevocation revocation;

    ApiKeyController(ApiKeyStore keys, ApiKeyRevocation revocation) {
        this.keys = keys;
        this.revocation = revocation;
    }

    @QueryMapping
    List<ApiKey> apiKeys(@Argument Boolean includeRevoked) {
        return keys.list(Boolean.TRUE.equals(includeRevoked));
    }

    @MutationMapping
    CreateApiKeyPayload createApiKey(@Argument CreateApiKeyInput input) {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            return new CreateApiKeyPayload(
                    null,
                    null,
                    List.of(FieldError.of("name", ErrorCode.REQUIRED, "A key needs a name that says what it is for.")));
        }
        if (name.length() > MAX_NAME) {
            return new CreateApiKeyPayload(
                    null,
                    null,
                    List.of(FieldError.of("name", ErrorCode.TOO_LONG, "At most " + MAX_NAME + " characters.")));
        }
        var issued = keys.create(name, input.role(), Caller.current().name());
        return new CreateApiKeyPayload(issued.key(), issued.secret(), List.of());
    }

    @MutationMapping
    ApiKeyPayload revokeApiKey(@Argument String id) {
        return revocation
                .revoke(id, Caller.current().name())
                .map(key -> new ApiKeyPayload(key, List.of()))
                .orElseGet(() -> new ApiKeyPayload(
                        null, List.of(FieldError.of("id", ErrorCode.NOT_FOUND, "No API key has the id " + id + "."))));
    }
}
