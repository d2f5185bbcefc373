package org.crmgraph.api.security;

import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.AuditTrail;
import org.crmgraph.graph.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure an admin can get in: registers {@code crm.security.admin-key} when given, otherwise at the
 * first start (no active ADMIN key in the graph) generates a key and prints it once. There is no
 * built-in default password to forget to change.
 */
@Component
@Order(0)
@ConditionalOnWebApplication
class AdminKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);
    static final String ACTOR = "bootstrap";

    private final ApiKeyStore keys;
    private final AuditTrail audit;
    private final SecurityProperties settings;

    AdminKeyBootstrap(ApiKeyStore keys, AuditTrail audit, SecurityProperties settings) {
        this.keys = keys;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.enabled()) {
            log.warn(
                    "Security is OFF (crm.security.enabled=false): every request is ADMIN. For local development only.");
            return;
        }
        if (settings.adminKey() != null && !settings.adminKey().isBlank()) {
            if (keys.provision(settings.adminKey().strip(), "provisioned admin", Role.ADMIN, ACTOR)) {
                audit.record(ACTOR, Role.ADMIN, "provisionAdminKey", null, java.util.List.of(), "OK", null);
                log.info("Registered the admin key from crm.security.admin-key");
            }
            return;
        }
        if (keys.hasActive(Role.ADMIN) || !settings.printGeneratedAdminKey()) {
            return;
        }
        var issued = keys.create("generated admin", Role.ADMIN, ACTOR);
        audit.record(ACTOR, Role.ADMIN, "createApiKey", issued.key().id(), java.util.List.of("role"), "OK", null);
        // System.out, not the log: the key must reach the person who started the service, not a log archive
        System.out.printf("""

                ================================================================================
                 Admin API key (shown once; store it now, it cannot be read back):

                   %s

                 Send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.
                 Create keys for other roles with the createApiKey mutation.
                ================================================================================

                """, issued.secret());
    }
}
