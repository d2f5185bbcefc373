/**
 * Webhooks: admins register endpoints; whichever instance holds the delivery lease turns the change log into signed
 * HTTP deliveries, retried with backoff and parked in a dead-letter list an admin can replay.
 */
@NullMarked
package org.crmgraph.api.webhook;

import org.jspecify.annotations.NullMarked;
