package org.crmgraph.graph.security;

/** A key just created: the only moment its secret exists outside the caller's hands. */
public record IssuedApiKey(ApiKey key, String secret) {}
