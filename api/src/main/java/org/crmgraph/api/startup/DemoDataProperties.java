package org.crmgraph.api.startup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The demo data set loaded into an empty embedded graph so a newcomer can query at once. */
@ConfigurationProperties(prefix = "crm.demo-data")
public class DemoDataProperties {

    /** Load the demo set when the embedded graph has no customers. Never applies to an external Neo4j. */
    private boolean enabled = true;

    /** Number of demo customers; orders, tickets and interactions scale with it. */
    private int customers = 300;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getCustomers() {
        return customers;
    }

    public void setCustomers(int customers) {
        this.customers = customers;
    }
}
