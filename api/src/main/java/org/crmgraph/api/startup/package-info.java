/** What happens at start-up: demo data, the ready banner. */
@NullMarked
package org.crmgraph.api.startup;

import org.jspecify.annotations.NullMarked;
