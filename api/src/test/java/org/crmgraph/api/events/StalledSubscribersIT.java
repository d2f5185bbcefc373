package org.crmgraph.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.graph.event.CustomerCreated;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.crmgraph.graph.outbox.Outbox;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;

/**
 * The attack on the server's memory: a subscriber that takes one event and then reads nothing, live and after a
 * reconnect, while the log grows by 600 events. What is held for each is bounded (its buffer, 5 here, and the 256 the
 * hand-over to the workers queues), and when it reads again it gets those and then an overflow error (resume with
 * {@code after}), not the 600. Before the reconnect path's queue was bounded, it kept every event for such a
 * subscriber.
 */
class StalledSubscribersIT extends FixtureGraphTest {

    private static final int EVENTS = 600;

    @Autowired
    Outbox outbox;

    @Autowired
    SharedReads reads;

    @Test
    void aSubscriberThatStopsReadingIsEndedWithAnOverflowInsteadOfGrowingTheServersMemory() throws Exception {
        var feed = new ChangeFeed(
                outbox, new EventsProperties(Duration.ofMillis(50), Duration.ofDays(7), 10_000, 5), reads);
        feed.start();
        try {
            for (boolean reconnecting : new boolean[] {false, true}) {
                // a reconnecting subscriber resumes from the present, so what it is held is the live events only
                Long after = reconnecting ? outbox.head() : null;
                AtomicInteger received = new AtomicInteger();
                AtomicReference<Throwable> error = new AtomicReference<>();
                BaseSubscriber<ChangeEvent> stalled = new BaseSubscriber<>() {
                    @Override
                    protected void hookOnSubscribe(Subscription subscription) {
                        subscription.request(1);
                    }

                    @Override
                    protected void hookOnNext(ChangeEvent event) {
                        received.incrementAndGet();
                    }

                    @Override
                    protected void hookOnError(Throwable failure) {
                        error.set(failure);
                    }
                };
                feed.events(after).subscribe(stalled);
                // the live reader starts from the log's head once someone subscribed: wait for it to be there
                Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true);
                long before = outbox.head();
                cypher.inWrite(tx -> {
                    for (int i = 0; i < EVENTS; i++) {
                        outbox.append(tx, new CustomerCreated("stalled-" + i, Instant.now()));
                    }
                    return null;
                });
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outbox.head() >= before + EVENTS);
                // time for the feed to read them all and for the stalled subscriber's buffer to overflow
                Thread.sleep(1_500);
                assertThat(error.get())
                        .as("nothing delivered past what it asked for")
                        .isNull();

                // when it reads again, it gets what was held for it (bounded), then the overflow: not all 600
                stalled.request(Long.MAX_VALUE);
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(error.get())
                                .as("after %s: the stalled subscriber is told it overflowed", after)
                                .isNotNull()
                                .satisfies(e -> assertThat(Exceptions.isOverflow(e))
                                        .as(e.toString())
                                        .isTrue()));
                assertThat(received.get())
                        .as(
                                "after %s, held for it: its buffer (5, rounded up to 8) and the hand-over queue (256), not the log",
                                after)
                        .isGreaterThan(1)
                        .isLessThanOrEqualTo(1 + 256 + 8);
                stalled.dispose();
            }
        } finally {
            feed.destroy();
        }
    }
}
