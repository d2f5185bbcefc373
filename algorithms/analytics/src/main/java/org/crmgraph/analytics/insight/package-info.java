/** What analytics wrote, read back for clients: a customer's scores, segments, communities, runs. */
@NullMarked
package org.crmgraph.analytics.insight;

import org.jspecify.annotations.NullMarked;
