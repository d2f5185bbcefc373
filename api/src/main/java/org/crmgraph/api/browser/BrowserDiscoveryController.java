package org.crmgraph.api.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The discovery document Neo4j Browser reads from {@code /} to learn the Bolt address of the
 * embedded database. Carries its own condition: a controller is found by component scanning,
 * not through {@link Neo4jBrowserConfiguration}, so that class's condition does not cover it.
 */
@RestController
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isEmpty() and ${crm.browser.enabled:true}")
class BrowserDiscoveryController {

    private final EmbeddedNeo4j neo4j;

    BrowserDiscoveryController(EmbeddedNeo4j neo4j) {
        this.neo4j = neo4j;
    }

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("bolt_direct", neo4j.boltUri().toString());
        document.put("bolt_routing", neo4j.boltUri().toString().replace("bolt://", "neo4j://"));
        document.put("neo4j_version", neo4j.version());
        document.put("neo4j_edition", "community");
        return document;
    }
}
