package org.crmgraph.api.security;

import java.util.Collection;
import org.crmgraph.graph.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, as the rest of the service needs it: a name for the audit trail and the one role
 * that decides what they may do. Read from Spring Security's context, which Spring for GraphQL carries
 * into every data fetcher.
 */
public record Caller(String name, Role role) {

    static final String ROLE_PREFIX = "ROLE_";

    /** The caller of the current request; a caller with no CRM role gets READ_ONLY's rights at most, never more. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return null;
        }
        Role role = strongest(authentication.getAuthorities());
        return role == null ? null : new Caller(authentication.getName(), role);
    }

    static Role strongest(Collection<? extends GrantedAuthority> authorities) {
        Role best = null;
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name == null || !name.startsWith(ROLE_PREFIX)) {
                continue;
            }
            try {
                Role role = Role.valueOf(name.substring(ROLE_PREFIX.length()));
                if (best == null || role.ordinal() < best.ordinal()) {
                    best = role;
                }
            } catch (IllegalArgumentException ignored) {
                // a role of another application in the same identity provider
            }
        }
        return best;
    }
}
