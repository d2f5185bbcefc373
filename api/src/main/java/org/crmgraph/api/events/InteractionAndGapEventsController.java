package org.crmgraph.api.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmgraph.graph.event.InteractionRecorded;
import org.crmgraph.graph.event.KnowledgeGapFound;
import org.crmgraph.graph.interaction.Channel;
import org.crmgraph.graph.interaction.Interaction;
import org.crmgraph.graph.interaction.InteractionService;
import org.crmgraph.language.answer.KnowledgeGap;
import org.crmgraph.language.answer.KnowledgeGaps;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code interactionEvents} (touchpoints recorded through the API or streamed in) and {@code knowledgeGapEvents} (gaps
 * the knowledge-gap watch found), as they commit.
 */
@Controller
class InteractionAndGapEventsController {

    record InteractionEvent(
            String position,
            String type,
            String interactionId,
            String customerId,
            Interaction interaction,
            Instant at,
            String actor) {}

    record KnowledgeGapEvent(String position, String type, String gapId, KnowledgeGap gap, Instant at, String actor) {}

    private final ChangeFeed feed;
    private final InteractionService interactions;
    private final KnowledgeGaps gaps;
    private final SharedReads reads;

    InteractionAndGapEventsController(
            ChangeFeed feed, InteractionService interactions, KnowledgeGaps gaps, SharedReads reads) {
        this.feed = feed;
        this.interactions = interactions;
        this.gaps = gaps;
        this.reads = reads;
        reads.define("interaction", event -> event instanceof InteractionRecorded, interactions::findAll);
        reads.define("knowledgeGap", event -> event instanceof KnowledgeGapFound, gaps::stored);
    }

    @SubscriptionMapping
    Flux<InteractionEvent> interactionEvents(
            @Argument String customerId, @Argument List<Channel> channels, @Argument String after) {
        return reads.following(
                "interaction",
                feed.events(Positions.parse(after))
                        .filter(e -> e.event() instanceof InteractionRecorded recorded
                                && (customerId == null || customerId.equals(recorded.customerId()))
                                && (channels == null
                                        || channels.isEmpty()
                                        || channels.stream()
                                                .anyMatch(c -> c.name().equals(recorded.channel()))))
                        // the touchpoint as it is now, masked like any query; none once it was deleted (an erasure)
                        .flatMapSequential(e -> reads.entity(
                                        e.position(),
                                        "interaction",
                                        () -> interactions.find(e.event().entityId()))
                                .flatMap(found -> Mono.justOrEmpty(found.map(interaction -> new InteractionEvent(
                                        String.valueOf(e.position()),
                                        "RECORDED",
                                        e.event().entityId(),
                                        ((InteractionRecorded) e.event()).customerId(),
                                        interaction,
                                        e.at(),
                                        e.actor()))))));
    }

    @SubscriptionMapping
    Flux<KnowledgeGapEvent> knowledgeGapEvents(@Argument String after) {
        return reads.following(
                "knowledgeGap",
                feed.events(Positions.parse(after))
                        .filter(e -> e.event() instanceof KnowledgeGapFound)
                        .flatMapSequential(e -> reads.entity(
                                        e.position(),
                                        "knowledgeGap",
                                        () -> Optional.ofNullable(
                                                gaps.stored(List.of(e.event().entityId()))
                                                        .get(e.event().entityId())))
                                .map(found -> new KnowledgeGapEvent(
                                        String.valueOf(e.position()),
                                        "FOUND",
                                        e.event().entityId(),
                                        found.orElse(null),
                                        e.at(),
                                        e.actor()))));
    }
}
