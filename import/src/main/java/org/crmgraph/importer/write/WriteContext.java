package org.crmgraph.importer.write;

import java.time.OffsetDateTime;

/**
 * What every batch of one import shares.
 *
 * @param fileTime the file's last-modified time: the observation time of rows that carry no date of their
 *                 own, so re-importing an unchanged file changes nothing and an updated file wins
 */
public record WriteContext(String source, String file, OffsetDateTime fileTime, String jobId) {}
