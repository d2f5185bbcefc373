package org.crmgraph.importer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ImportProperties.class, org.crmgraph.importer.identity.MatchingProperties.class})
class ImportConfiguration {}
