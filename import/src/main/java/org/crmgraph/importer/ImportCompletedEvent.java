package org.crmgraph.importer;

import org.crmgraph.importer.job.ImportJob;

/**
 * Published when an import queued through {@link ImportService#start} has committed all its rows (not for dry
 * runs, failures or command-line imports), so other parts of the service, such as the analytics refresh, can
 * follow up without the import module knowing of them.
 */
public record ImportCompletedEvent(ImportJob job) {}
