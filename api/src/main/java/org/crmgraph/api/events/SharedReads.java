package org.crmgraph.api.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.crmgraph.graph.event.DomainEvent;
import org.crmgraph.graph.outbox.ChangeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One read of an event's entity for all subscribers of this instance: a hundred subscribers to ticket events cost one
 * ticket read per event, not a hundred. The feed reads the entities of each batch of events it takes from the log in
 * one query per kind that somebody here follows ({@link #prefetch}), before handing the batch out; an event the feed
 * did not prefetch (one replayed from the log) is read when the first subscriber gets to it. The last {@value #KEPT}
 * are kept. Sharing is safe because masking is done per subscriber afterwards, on the GraphQL fields, not in the read.
 */
@Component
class SharedReads {

    private static final Logger log = LoggerFactory.getLogger(SharedReads.class);
    static final int KEPT = 2_000;

    /** How to read one kind of entity, many at a time, and which events are about it. */
    private record Kind(Predicate<DomainEvent> about, Function<Collection<String>, Map<String, ?>> readAll) {}

    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> followers = new ConcurrentHashMap<>();
    private final Map<String, Mono<Optional<Object>>> recent = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Mono<Optional<Object>>> eldest) {
            return size() > KEPT;
        }
    };

    /** Declares a kind of entity: {@code readAll} reads many by id (absent ones left out). */
    void define(String kind, Predicate<DomainEvent> about, Function<Collection<String>, Map<String, ?>> readAll) {
        kinds.put(kind, new Kind(about, readAll));
    }

    /** {@code subscriber} follows {@code kind}: while it is subscribed, the feed prefetches that kind. */
    <T> Flux<T> following(String kind, Flux<T> subscriber) {
        AtomicInteger count = followers.computeIfAbsent(kind, k -> new AtomicInteger());
        return subscriber.doOnSubscribe(s -> count.incrementAndGet()).doFinally(signal -> count.decrementAndGet());
    }

    /** Reads, per followed kind, the entities of {@code events} in one query, for the subscribers to share. */
    void prefetch(List<ChangeEvent> events) {
        kinds.forEach((name, kind) -> {
            AtomicInteger count = followers.get(name);
            if (count == null || count.get() <= 0) {
                return;
            }
            List<ChangeEvent> about = new ArrayList<>();
            for (ChangeEvent event : events) {
                if (kind.about().test(event.event())) {
                    about.add(event);
                }
            }
            if (about.isEmpty()) {
                return;
            }
            Map<String, ?> found;
            try {
                found = kind.readAll()
                        .apply(about.stream()
                                .map(e -> e.event().entityId())
                                .distinct()
                                .toList());
            } catch (RuntimeException e) {
                // each subscriber then reads on its own, as for a replayed event
                log.debug("prefetching {} entities failed: {}", name, e.toString());
                return;
            }
            synchronized (recent) {
                for (ChangeEvent event : about) {
                    recent.put(
                            name + "@" + event.position(),
                            Mono.just(
                                    Optional.ofNullable(found.get(event.event().entityId()))));
                }
            }
        });
    }

    /** The entity for the event at {@code position} (as {@code kind} names it), read by {@code read} at most once. */
    @SuppressWarnings("unchecked")
    <T> Mono<Optional<T>> entity(long position, String kind, Callable<Optional<T>> read) {
        String key = kind + "@" + position;
        Mono<Optional<Object>> shared;
        synchronized (recent) {
            shared = recent.computeIfAbsent(
                    key,
                    k -> Mono.fromCallable(() -> (Optional<Object>) read.call())
                            .subscribeOn(Schedulers.boundedElastic())
                            .cache());
        }
        return shared.map(found -> (Optional<T>) found);
    }
}
