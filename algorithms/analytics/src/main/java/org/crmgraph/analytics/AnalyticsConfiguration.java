package org.crmgraph.analytics;

import org.crmgraph.analytics.incremental.IncrementalAnalyticsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AnalyticsProperties.class, IncrementalAnalyticsProperties.class})
class AnalyticsConfiguration {}
