package org.crmgraph.graph.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BackgroundLoopTests {

    private static final Duration LONG = Duration.ofHours(1);
    private final AtomicInteger rounds = new AtomicInteger();
    private BackgroundLoop loop = loop(() -> {
        rounds.incrementAndGet();
        return LONG;
    });

    @AfterEach
    void stop() {
        loop.stop(Duration.ofSeconds(5));
    }

    @Test
    void firstRoundWaitsForTheFirstPauseOrAWakeUp() {
        loop.start(LONG);
        assertThat(loop.isRunning()).isTrue();
        assertThat(rounds).hasValue(0);

        loop.wake();

        await().atMost(Duration.ofSeconds(5)).untilAtomic(rounds, equalTo(1));
    }

    @Test
    void aWakeUpDuringARoundEndsTheNextPauseAtOnce() {
        loop.start(Duration.ZERO);
        await().atMost(Duration.ofSeconds(5)).untilAtomic(rounds, equalTo(1));

        loop.wake();
        loop.wake(); // wake-ups are not counted: one pending wake-up ends one pause

        await().atMost(Duration.ofSeconds(5)).untilAtomic(rounds, equalTo(2));
        assertThat(rounds).hasValue(2);
    }

    @Test
    void aZeroPauseRunsTheNextRoundAtOnceUntilTheBacklogIsGone() {
        AtomicInteger backlog = new AtomicInteger(50);
        loop = loop(() -> backlog.decrementAndGet() > 0 ? Duration.ZERO : LONG);

        loop.start(Duration.ZERO);

        await().atMost(Duration.ofSeconds(5)).untilAtomic(backlog, equalTo(0));
    }

    @Test
    void aRoundThatThrowsIsRetriedAndTheThreadLivesOn() {
        AtomicInteger attempts = new AtomicInteger();
        loop = loop(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database away");
            }
            rounds.incrementAndGet();
            return LONG;
        });

        loop.start(Duration.ZERO);

        await().atMost(Duration.ofSeconds(5)).untilAtomic(rounds, equalTo(1));
        assertThat(attempts).hasValue(3);
        assertThat(loop.isRunning()).isTrue();
    }

    @Test
    void stopEndsThePauseAndNoRoundFollows() {
        loop.start(Duration.ZERO);
        await().atMost(Duration.ofSeconds(5)).untilAtomic(rounds, equalTo(1));

        long started = System.nanoTime();
        loop.stop(Duration.ofSeconds(5));
        loop.wake();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(loop.isRunning()).isFalse();
        assertThat(rounds).hasValue(1);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("test-loop"));
    }

    @Test
    void aStoppedLoopStartsAgain() {
        loop.start(Duration.ZERO);
        await().atMost(Duration.ofSeconds(5)).untilAtomic(rounds, equalTo(1));
        loop.stop(Duration.ofSeconds(5));

        loop.start(Duration.ZERO);

        await().atMost(Duration.ofSeconds(5)).untilAtomic(rounds, equalTo(2));
    }

    @Test
    void wakeUpsRightAfterARoundAreServedTogetherOnceTheSpacingHasPassed() {
        Duration spacing = Duration.ofMillis(300);
        List<Long> started = new CopyOnWriteArrayList<>();
        loop = loop(
                () -> {
                    started.add(System.nanoTime());
                    return LONG;
                },
                spacing);
        loop.start(Duration.ZERO);
        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 1);

        for (int i = 0; i < 20; i++) {
            loop.wake();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 2);
        assertThat(Duration.ofNanos(started.get(1) - started.get(0))).isGreaterThanOrEqualTo(spacing);
    }

    @Test
    void theFirstWakeUpIsServedWithoutWaitingForTheSpacing() {
        loop = loop(
                () -> {
                    rounds.incrementAndGet();
                    return LONG;
                },
                LONG);
        loop.start(LONG);

        loop.wake();

        await().atMost(Duration.ofSeconds(5)).untilAtomic(rounds, equalTo(1));
    }

    private static BackgroundLoop loop(BackgroundLoop.Round round) {
        return loop(round, Duration.ZERO);
    }

    private static BackgroundLoop loop(BackgroundLoop.Round round, Duration spacing) {
        return new BackgroundLoop("test-loop", round, Duration.ofMillis(10), spacing, LoggerFactory.getLogger("test"));
    }
}
