package org.crmgraph.language.answer;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmgraph.graph.background.BackgroundLoop;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.event.KnowledgeGapFound;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.language.SupportProperties;
import org.crmgraph.language.Vectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records knowledge gaps as they form, so a team hears of one (a {@code KNOWLEDGE_GAP_FOUND} change event, to
 * subscribers, webhooks and Kafka) instead of polling {@code knowledgeGaps}. Every {@code interval}, when weak answers
 * were given since it last looked, it groups the recent weak answers as {@link KnowledgeGaps} does and compares each
 * group of at least {@code min-questions} with the gaps it stored: a group near none of them (by the groups' own
 * similarity, {@code crm.support.gap-similarity}) is a new {@code (:KnowledgeGap)}, linked to its questions, with its
 * event in the same transaction; a known one is updated. The watch's node is locked first in that transaction, so with
 * several instances one looks at a time and a gap is found once.
 *
 * <p>The stored gap holds counts and its questions' ids, not their text: an erasure scrubs a question where it lives,
 * and a gap read later shows what is left.
 */
@Component
@EnableConfigurationProperties(KnowledgeGapWatchProperties.class)
public class KnowledgeGapWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeGapWatch.class);

    // the SET locks the watch node until the transaction ends
    private static final String TAKE = """
            MERGE (w:KnowledgeGapWatch {name: 'gaps'})
            SET w.takenAt = datetime()
            RETURN w.watchedAt AS watchedAt
            """;
    private static final String NEW_WEAK = """
            OPTIONAL MATCH (w:KnowledgeGapWatch {name: 'gaps'})
            WITH w.watchedAt AS since
            RETURN EXISTS {
              MATCH (q:SupportQuery)
              WHERE (since IS NULL OR q.askedAt > since)
                AND (q.confidence < $threshold OR q.decision = 'ESCALATE' OR q.helpful = false)
            } AS any
            """;
    private static final String KNOWN = """
            MATCH (g:KnowledgeGap) WHERE g.lastAskedAt >= datetime() - duration({days: $days})
            RETURN g.id AS id, g.centre AS centre
            """;
    private static final String SAVE = """
            UNWIND $gaps AS gap
            MERGE (g:KnowledgeGap {id: gap.id})
              ON CREATE SET g.foundAt = $now
            SET g.questions = gap.questions, g.averageConfidence = gap.averageConfidence, g.lastAskedAt = gap.lastAskedAt,
                g.category = gap.category, g.centralQueryId = gap.centralId, g.centre = gap.centre, g.updatedAt = $now
            WITH g, gap
            CALL (g, gap) {
              UNWIND gap.questionIds AS questionId
              MATCH (q:SupportQuery {id: questionId})
              MERGE (g)-[:INCLUDES]->(q)
            }
            """;
    private static final String WATCHED = """
            MATCH (w:KnowledgeGapWatch {name: 'gaps'}) SET w.watchedAt = $now
            """;

    private final CypherRunner cypher;
    private final KnowledgeGaps gaps;
    private final AnswerLog answers;
    private final Outbox outbox;
    private final DomainEvents events;
    private final SupportProperties support;
    private final KnowledgeGapWatchProperties properties;
    private final BackgroundLoop loop;

    KnowledgeGapWatch(
            CypherRunner cypher,
            KnowledgeGaps gaps,
            AnswerLog answers,
            Outbox outbox,
            DomainEvents events,
            SupportProperties support,
            KnowledgeGapWatchProperties properties) {
        this.cypher = cypher;
        this.gaps = gaps;
        this.answers = answers;
        this.outbox = outbox;
        this.events = events;
        this.support = support;
        this.properties = properties;
        // a failed look (the database away for a moment, or the model not loaded yet) is retried at the next
        // interval, and covers the same answers
        this.loop =
                new BackgroundLoop("knowledge-gap-watch", this::watchRound, properties.interval(), Duration.ZERO, log);
    }

    /**
     * Looks once: the ids of the gaps found new (none when no weak answer was given since the last look). Public for
     * tests and the command line, which call it rather than wait for the interval.
     */
    public List<String> watch() {
        // the look's time is taken before the answers given so far are written: one asked later is looked at next time
        var now = events.now().atOffset(ZoneOffset.UTC);
        answers.flush();
        boolean any = cypher.read(
                        NEW_WEAK,
                        Map.of("threshold", support.suggestThreshold()),
                        r -> r.get("any").asBoolean())
                .getFirst();
        if (!any) {
            return List.of();
        }
        // grouped before the lock: the slow part (reading and comparing vectors) does not hold up the other instances;
        // a weak answer logged meanwhile is looked at next time, as it is newer than this look
        List<KnowledgeGaps.Found> groups = gaps.found(properties.days(), properties.minQuestions());
        return cypher.inWrite(tx -> {
            tx.run(TAKE).consume();
            Map<String, float[]> known = new HashMap<>();
            tx.run(KNOWN, Map.of("days", properties.days()))
                    .forEachRemaining(r -> known.put(r.get("id").asString(), Vectors.floats(r.get("centre"))));
            List<Map<String, Object>> saved = new ArrayList<>();
            List<KnowledgeGapFound> found = new ArrayList<>();
            for (KnowledgeGaps.Found group : groups) {
                String id = nearest(known, group.centre());
                if (id == null) {
                    id = "gap-" + UUID.randomUUID();
                    found.add(new KnowledgeGapFound(id, group.gap().size(), events.now()));
                    // a second group near this new one in the same look joins it rather than being found twice
                    known.put(id, group.centre());
                }
                Map<String, Object> gap = new HashMap<>();
                gap.put("id", id);
                gap.put("questions", group.gap().size());
                gap.put("averageConfidence", group.gap().averageConfidence());
                gap.put("lastAskedAt", group.gap().lastAskedAt());
                gap.put("category", group.gap().category());
                gap.put("centralId", group.centralId());
                gap.put("centre", Vectors.list(group.centre()));
                gap.put("questionIds", group.questionIds());
                saved.add(gap);
            }
            if (!saved.isEmpty()) {
                tx.run(SAVE, Map.of("gaps", saved, "now", now)).consume();
            }
            for (KnowledgeGapFound event : found) {
                outbox.record(tx, event);
            }
            tx.run(WATCHED, Map.of("now", now)).consume();
            return found.stream().map(KnowledgeGapFound::entityId).toList();
        });
    }

    private @Nullable String nearest(Map<String, float[]> known, float[] centre) {
        String nearest = null;
        double best = support.gapSimilarity();
        for (var entry : known.entrySet()) {
            double similarity = Vectors.cosine(entry.getValue(), centre);
            if (similarity >= best) {
                best = similarity;
                nearest = entry.getKey();
            }
        }
        return nearest;
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            loop.start(properties.interval());
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

    // with the change log's consumers: stops after the web server and before the database goes
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private Duration watchRound() {
        watch();
        return properties.interval();
    }
}
