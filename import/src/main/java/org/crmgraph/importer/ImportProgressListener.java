package org.crmgraph.importer;

import org.crmgraph.importer.job.ImportCounts;

/** Told after every committed batch; the command line draws its progress bar from it. */
@FunctionalInterface
public interface ImportProgressListener {

    ImportProgressListener NONE = (counts, bytesTotal) -> {};

    void progress(ImportCounts counts, long bytesTotal);
}
