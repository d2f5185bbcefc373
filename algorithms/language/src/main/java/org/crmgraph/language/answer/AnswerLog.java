package org.crmgraph.language.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.privacy.CustomerPrivacy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps every answer as a {@code (:SupportQuery)} with its embedding and sources, written by one background
 * thread in batches: a write transaction that also updates a vector index costs more than the whole answer, so
 * the asker does not wait for it. Feedback and knowledge-gap reports {@link #flush()} first, so within a service
 * they always see the answers given before. When the queue is full the asker writes its own entry.
 */
@Component
public class AnswerLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnswerLog.class);
    private static final int QUEUE = 10_000;
    private static final int BATCH = 256;

    private static final String RECORD = """
            UNWIND $answers AS a
            CREATE (q:SupportQuery {id: a.id})
            SET q.question = a.question, q.askedAt = a.askedAt, q.confidence = a.confidence, q.decision = a.decision,
                q.category = a.category, q.customerId = a.customerId
            SET q.sentiment = a.sentiment, q.sentimentConfidence = a.sentimentConfidence
            WITH q, a
            // a Chinese question's vector is the Chinese model's, not comparable with the others
            CALL db.create.setNodeVectorProperty(q, CASE WHEN a.chinese THEN 'embeddingZh' ELSE 'embedding' END, a.vector)
            CALL (q, a) {
              MATCH (c:Customer {id: a.customerId})
              CREATE (c)-[asked:ASKED]->(q)
              // creating the relationship locked the customer, so an erasure that committed since the answer was
              // given is seen now: the question is not kept for an erased person (one that commits later scrubs it)
              WITH c, asked, q
              WHERE c.erased = true
              DELETE asked
              SET q.question = $erased
              REMOVE q.customerId, q.embedding, q.embeddingZh
            }
            CALL (q, a) {
              UNWIND a.articles AS s
              MATCH (x:Article {id: s.id})
              CREATE (q)-[:SOURCE {rank: s.rank, score: s.score}]->(x)
            }
            CALL (q, a) {
              UNWIND a.tickets AS s
              MATCH (x:Ticket {id: s.id})
              CREATE (q)-[:SOURCE {rank: s.rank, score: s.score}]->(x)
            }
            """;

    private final CypherRunner cypher;
    // answers to write, and flush barriers: a barrier completes once everything queued before it is written
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean closing;

    public AnswerLog(CypherRunner cypher) {
        this.cypher = cypher;
        this.writer = Thread.ofPlatform().name("answer-log").daemon().start(this::drain);
    }

    void record(SupportAnswer answer, String customerId, float[] vector, boolean chinese) {
        List<Map<String, Object>> articles = new ArrayList<>();
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (int i = 0; i < answer.sources().size(); i++) {
            AnswerSource source = answer.sources().get(i);
            (source.kind() == SourceKind.ARTICLE ? articles : tickets)
                    .add(Map.of("id", source.id(), "rank", i + 1, "score", source.score()));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", answer.id());
        row.put("question", answer.question());
        row.put("askedAt", java.time.OffsetDateTime.now());
        row.put("confidence", answer.confidence());
        row.put("decision", answer.decision().name());
        row.put("category", answer.category());
        row.put("customerId", customerId);
        row.put("vector", vector);
        row.put("chinese", chinese);
        row.put(
                "sentiment",
                answer.sentiment() == null ? null : answer.sentiment().label().name());
        row.put(
                "sentimentConfidence",
                answer.sentiment() == null ? null : answer.sentiment().confidence());
        row.put("articles", articles);
        row.put("tickets", tickets);
        if (!queue.offer(row)) {
            write(List.of(row));
        }
    }

    /** Returns once every answer recorded before the call is in the graph (or 10 s have passed). */
    public void flush() {
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        try {
            if (queue.offer(barrier, 10, TimeUnit.SECONDS)) {
                barrier.get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Waited in vain for recorded support answers to be written: {}", e.getMessage());
        }
    }

    private void drain() {
        List<Object> taken = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                Object first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(taken, BATCH - 1);
            List<Map<String, Object>> rows = new ArrayList<>(taken.size());
            List<CompletableFuture<Void>> barriers = new ArrayList<>();
            for (Object entry : taken) {
                if (entry instanceof CompletableFuture<?> barrier) {
                    @SuppressWarnings("unchecked")
                    CompletableFuture<Void> done = (CompletableFuture<Void>) barrier;
                    barriers.add(done);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> row = (Map<String, Object>) entry;
                    rows.add(row);
                }
            }
            if (!rows.isEmpty()) {
                write(rows);
            }
            barriers.forEach(b -> b.complete(null));
            taken.clear();
        }
    }

    private void write(List<Map<String, Object>> batch) {
        try {
            cypher.write(RECORD, Map.of("answers", batch, "erased", CustomerPrivacy.ERASED_TEXT));
        } catch (RuntimeException e) {
            // the askers have their answers; what is lost is their trace for feedback and gap reports
            log.warn("Could not record {} support answer(s): {}", batch.size(), e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        // what is queued is still written, before the driver closes (this bean depends on it, so it closes first)
        closing = true;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
