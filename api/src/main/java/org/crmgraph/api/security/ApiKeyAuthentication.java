package org.crmgraph.api.security;

import java.util.List;
import org.crmgraph.graph.security.ApiKey;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request that presented a valid API key; its name in the audit trail is {@code key:<id> (<name>)}. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKey key;

    ApiKeyAuthentication(ApiKey key) {
        super(List.of(new SimpleGrantedAuthority(Caller.ROLE_PREFIX + key.role().name())));
        this.key = key;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return "key:" + key.id() + " (" + key.name() + ")";
    }
}
