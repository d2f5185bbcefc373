package org.crmgraph.importer.read;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line the line the record starts on (a quoted field may span several lines)
 */
public record CsvRow(long line, List<String> fields) {}
