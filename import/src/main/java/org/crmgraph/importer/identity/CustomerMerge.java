package org.crmgraph.importer.identity;

import java.util.Map;
import org.crmgraph.graph.customer.Customer;

/**
 * What merging two customers did (or, in a dry run, would do).
 *
 * @param customer the surviving customer after the merge
 * @param moved    relationships moved from the merged customer to the survivor, by type
 */
public record CustomerMerge(Customer customer, boolean dryRun, Map<String, Long> moved) {}
