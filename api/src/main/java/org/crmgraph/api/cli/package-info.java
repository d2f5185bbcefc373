/** The command line: {@code java -jar api.jar <command>}. */
@NullMarked
package org.crmgraph.api.cli;

import org.jspecify.annotations.NullMarked;
