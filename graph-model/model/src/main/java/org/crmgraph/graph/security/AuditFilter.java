package org.crmgraph.graph.security;

import java.time.OffsetDateTime;

/** Which audit events to list; every part is optional. */
public record AuditFilter(String actor, String operation, String target, OffsetDateTime since) {}
