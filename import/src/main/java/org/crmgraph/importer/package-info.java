/**
 * Bulk import of multi-channel exports into the CRM graph: readers, cleaning, identity
 * resolution, batched writers and rejected-row reports. Depends on graph-model only.
 */
package org.crmgraph.importer;
