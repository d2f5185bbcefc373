/** Import jobs: progress, counts and status in the graph. */
@NullMarked
package org.crmgraph.importer.job;

import org.jspecify.annotations.NullMarked;
