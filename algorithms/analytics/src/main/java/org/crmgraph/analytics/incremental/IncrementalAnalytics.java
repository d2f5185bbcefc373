package org.crmgraph.analytics.incremental;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crmgraph.analytics.lifetime.LifetimeValueProperties;
import org.crmgraph.graph.background.BackgroundLoop;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.CustomersMerged;
import org.crmgraph.graph.event.DomainEvent;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.event.InteractionRecorded;
import org.crmgraph.graph.event.OrderPlaced;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.crmgraph.graph.outbox.ChangeLogCursors;
import org.crmgraph.graph.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the change log with its own cursor ({@value #CURSOR}), once per {@code poll-interval}: orders placed and
 * touchpoints recorded (through the API, streaming ingest or another instance) update their customers' metrics, RFM
 * scores and segment within about a second, and a customer whose segment changes gets a {@code CUSTOMER_SEGMENT_CHANGED} event. Each batch of events is
 * consumed in one transaction that holds the cursor's lock and records the effects, so with several instances every
 * event is consumed once, and a crash consumes it again from the last committed position, never half.
 */
@Component
public class IncrementalAnalytics implements SmartLifecycle {

    static final String CURSOR = "incremental-analytics";
    private static final Logger log = LoggerFactory.getLogger(IncrementalAnalytics.class);

    private final CypherRunner cypher;
    private final Outbox outbox;
    private final ChangeLogCursors cursors;
    private final DomainEvents events;
    private final IncrementalAnalyticsProperties properties;
    private final LifetimeValueProperties lifetimeValue;
    // not woken by each commit: under load that would be a locking transaction per commit; once per interval takes
    // whatever came meanwhile in one
    private final BackgroundLoop loop;

    public IncrementalAnalytics(
            CypherRunner cypher,
            Outbox outbox,
            ChangeLogCursors cursors,
            DomainEvents events,
            IncrementalAnalyticsProperties properties,
            LifetimeValueProperties lifetimeValue) {
        this.lifetimeValue = lifetimeValue;
        this.cypher = cypher;
        this.outbox = outbox;
        this.cursors = cursors;
        this.events = events;
        this.properties = properties;
        this.loop = new BackgroundLoop(
                "incremental-analytics", this::consumeRound, properties.pollInterval(), Duration.ZERO, log);
    }

    /**
     * Consumes the next batch of change events; how many it consumed (0 when the log has nothing new). Public for
     * tests and the command line, which call it instead of waiting for the background thread.
     */
    public int consumeNext() {
        if (!cursors.behind(CURSOR)) {
            return 0;
        }
        return cypher.inWrite(tx -> {
            long position = cursors.take(tx, CURSOR);
            List<ChangeEvent> batch = outbox.after(tx, position, properties.batch());
            if (batch.isEmpty()) {
                return 0;
            }
            Set<String> customers = new LinkedHashSet<>();
            for (ChangeEvent change : batch) {
                String customer = customerOf(change.event());
                if (customer != null) {
                    customers.add(customer);
                }
            }
            if (!customers.isEmpty()) {
                for (DomainEvent changed :
                        CustomerMetricsUpdate.update(tx, customers, events.now(), lifetimeValue.horizonDays())) {
                    outbox.record(tx, changed);
                }
            }
            cursors.move(tx, CURSOR, batch.getLast().position());
            return batch.size();
        });
    }

    /** The customer whose analytics an event changes, or null. */
    private static @Nullable String customerOf(DomainEvent event) {
        return switch (event) {
            case OrderPlaced placed -> placed.customerId();
            case InteractionRecorded recorded -> recorded.customerId();
            // the survivor now has both customers' orders
            case CustomersMerged merged -> merged.entityId();
            default -> null;
        };
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            loop.start(Duration.ZERO);
        }
    }

    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    // with the change log's sequencer: stops after the web server and before the database goes
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    // a full batch means a backlog: the next round at once. A failed round (the database away for a moment, or
    // another instance holding the cursor) is retried at the next interval
    private Duration consumeRound() {
        return consumeNext() == properties.batch() ? Duration.ZERO : properties.pollInterval();
    }
}
