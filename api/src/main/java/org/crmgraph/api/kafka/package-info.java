/** The optional sink that publishes the change log to a Kafka topic ({@code crm.kafka.*}). */
@NullMarked
package org.crmgraph.api.kafka;

import org.jspecify.annotations.NullMarked;
