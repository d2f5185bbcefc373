package org.crmgraph.api.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves Neo4j Browser's static files at {@code /browser/} when Neo4j is embedded, and the small
 * discovery document Browser reads from {@code /} to learn the Bolt address. With an external
 * Neo4j, analysts use that server's own Browser instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isEmpty()")
class Neo4jBrowserConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/browser/**").addResourceLocations("classpath:/browser/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/browser/").setViewName("forward:/browser/index.html");
        registry.addRedirectViewController("/browser", "/browser/");
    }

    @RestController
    static class Discovery {

        private final EmbeddedNeo4j neo4j;

        Discovery(EmbeddedNeo4j neo4j) {
            this.neo4j = neo4j;
        }

        @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> discovery() {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("bolt_direct", neo4j.boltUri().toString());
            document.put("bolt_routing", neo4j.boltUri().toString().replace("bolt://", "neo4j://"));
            document.put("neo4j_version", org.neo4j.kernel.internal.Version.getNeo4jVersion());
            document.put("neo4j_edition", "community");
            return document;
        }
    }
}
