package org.crmgraph.api.browser;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves Neo4j Browser's static files at {@code /browser/} when Neo4j is embedded (see
 * {@link BrowserDiscoveryController} for how Browser finds Bolt). With an external Neo4j, analysts
 * use that server's own Browser instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isEmpty() and ${crm.browser.enabled:true}")
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
}
