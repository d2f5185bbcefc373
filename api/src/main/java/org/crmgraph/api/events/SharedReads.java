package org.crmgraph.api.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One read of an event's entity for all subscribers of this instance: a hundred subscribers to ticket events cost one
 * ticket read per event, not a hundred. The entity is read once, when the first subscriber gets to the event, and
 * kept for the last {@value #KEPT} events. Sharing it is safe because masking is done per subscriber afterwards, on
 * the GraphQL fields, not in the read.
 */
@Component
class SharedReads {

    static final int KEPT = 2_000;

    private final Map<String, Mono<Optional<Object>>> recent = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Mono<Optional<Object>>> eldest) {
            return size() > KEPT;
        }
    };

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
