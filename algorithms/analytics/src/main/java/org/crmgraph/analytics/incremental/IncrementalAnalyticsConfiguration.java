package org.crmgraph.analytics.incremental;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

// here rather than with the other analytics settings: the analytics package must not depend on this one
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IncrementalAnalyticsProperties.class)
class IncrementalAnalyticsConfiguration {}
