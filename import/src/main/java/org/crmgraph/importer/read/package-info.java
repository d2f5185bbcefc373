/**
 * Reading exports as streams of rows: CSV with any delimiter, quoted fields, UTF-8 with or
 * without a byte-order mark, plain or gzip-compressed. Memory does not grow with file size, and
 * every row and error carries its line number in the source file.
 */
@NullMarked
package org.crmgraph.importer.read;

import org.jspecify.annotations.NullMarked;
