package org.crmgraph.api.startup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo data set loaded into an empty embedded graph so a newcomer can query at once ({@code crm.demo-data.*}).
 *
 * @param enabled   load the demo set when the embedded graph has no customers; never applies to an external Neo4j
 * @param customers number of demo customers; orders, tickets and interactions scale with it
 */
@ConfigurationProperties(prefix = "crm.demo-data")
public record DemoDataProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("300") int customers) {}
