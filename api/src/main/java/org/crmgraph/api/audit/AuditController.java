package org.crmgraph.api.audit;

import org.crmgraph.api.graphql.Connection;
import org.crmgraph.graph.page.Pages;
import org.crmgraph.graph.security.AuditEvent;
import org.crmgraph.graph.security.AuditFilter;
import org.crmgraph.graph.security.AuditTrail;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuditController {

    private final AuditTrail trail;
    private final Pages paging;

    AuditController(AuditTrail trail, Pages paging) {
        this.trail = trail;
        this.paging = paging;
    }

    @QueryMapping
    Connection<AuditEvent> auditEvents(@Argument Integer first, @Argument String after, @Argument AuditFilter filter) {
        var request = paging.request(first, after, AuditTrail.NEWEST, true);
        return Connection.of(trail.page(filter == null ? new AuditFilter(null, null, null, null) : filter, request));
    }
}
