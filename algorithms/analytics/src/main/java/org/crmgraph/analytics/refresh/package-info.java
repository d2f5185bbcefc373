/** The analytics refresh: its steps in order, one at a time across instances (a lease), and after imports. */
@NullMarked
package org.crmgraph.analytics.refresh;

import org.jspecify.annotations.NullMarked;
