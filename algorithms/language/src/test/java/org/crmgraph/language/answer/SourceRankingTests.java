package org.crmgraph.language.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceRankingTests {

    private static final SourceRanking RANKING = new SourceRanking(0.1, 0.05);

    private static Candidate article(String id, double similarity, String... products) {
        return new Candidate(
                SourceKind.ARTICLE, id, id, "text of " + id, similarity, List.of(products), null, null, null, null);
    }

    private static Candidate ticket(String id, double similarity, String resolvedBy) {
        return new Candidate(
                SourceKind.TICKET,
                id,
                id,
                "resolution of " + id,
                similarity,
                List.of(),
                "cat",
                "LOW",
                resolvedBy,
                null);
    }

    private static Evidence evidence(
            List<Candidate> articles,
            List<Candidate> tickets,
            Set<String> owned,
            Map<String, Double> feedback,
            Map<String, Integer> votes) {
        return new Evidence(articles, tickets, owned, Set.of(), feedback, votes, null);
    }

    @Test
    void anArticleIsWorthAtLeastTheSimilarTicketItResolved() {
        List<AnswerSource> ranked = RANKING.rank(
                evidence(List.of(article("a1", 0.5)), List.of(ticket("t1", 0.9, "a1")), Set.of(), Map.of(), Map.of()),
                5);
        assertThat(ranked).extracting(AnswerSource::id).containsExactly("a1", "t1");
        assertThat(ranked.getFirst().score()).isEqualTo(0.9);
        assertThat(ranked.getFirst().similarity()).isEqualTo(0.5);
        assertThat(ranked.getFirst().reasons()).anySatisfy(r -> assertThat(r).startsWith("resolved ticket t1"));
    }

    @Test
    void theCustomersProductsAndFeedbackMoveScoresWithinBounds() {
        Evidence e = evidence(
                List.of(article("a1", 0.6, "R1"), article("a2", 0.65)),
                List.of(),
                Set.of("R1"),
                Map.of("ARTICLE:a2", -10.0),
                Map.of("ARTICLE:a2", -10));
        List<AnswerSource> ranked = RANKING.rank(e, 5);
        assertThat(ranked).extracting(AnswerSource::id).containsExactly("a1", "a2");
        assertThat(ranked.get(0).score()).isCloseTo(0.7, within(1e-9));
        // ten unhelpful votes count as three
        assertThat(ranked.get(1).score()).isCloseTo(0.65 - 3 * 0.05, within(1e-9));
        assertThat(ranked.get(1).reasons())
                .anySatisfy(r -> assertThat(r).startsWith("marked unhelpful for similar questions (10"));
    }

    @Test
    void scoresStayBetweenZeroAndOneSourcesWithoutTextAreLeftOutAndTheListIsCut() {
        Candidate empty = new Candidate(SourceKind.TICKET, "t0", "t0", " ", 0.99, List.of(), null, null, null, null);
        Evidence e = evidence(
                List.of(article("a1", 0.98, "R1"), article("a2", -0.2), article("a3", 0.3)),
                List.of(empty),
                Set.of("R1"),
                Map.of(),
                Map.of());
        List<AnswerSource> ranked = RANKING.rank(e, 2);
        assertThat(ranked).extracting(AnswerSource::id).containsExactly("a1", "a3");
        assertThat(ranked.getFirst().score()).isEqualTo(1.0);
        assertThat(RANKING.rank(e, 5).getLast().score()).isZero();
    }

    @Test
    void ticketsResolvedWithTheSameWordsAppearOnceAtTheirBest() {
        Candidate a = new Candidate(
                SourceKind.TICKET, "t1", "t1", "Restarted the router.", 0.7, List.of(), null, null, null, null);
        Candidate b = new Candidate(
                SourceKind.TICKET, "t2", "t2", "restarted the router. ", 0.9, List.of(), null, null, null, null);
        Candidate c = new Candidate(
                SourceKind.TICKET, "t3", "t3", "Replaced the cable.", 0.5, List.of(), null, null, null, null);
        List<AnswerSource> ranked =
                RANKING.rank(evidence(List.of(), List.of(a, b, c), Set.of(), Map.of(), Map.of()), 5);
        assertThat(ranked).extracting(AnswerSource::id).containsExactly("t2", "t3");
    }

    @Test
    void aSourceTheFullTextIndexRanksFirstOvertakesCloserMeaningsButKeepsItsOwnScore() {
        Candidate near = ticket("near", 0.80, null);
        Candidate nearer = ticket("nearer", 0.82, null);
        Candidate code = ticket("code", 0.60, null).withTextScore(7.5);
        Candidate common = ticket("common", 0.81, null).withTextScore(0.4);
        List<AnswerSource> ranked =
                RANKING.rank(evidence(List.of(), List.of(near, nearer, code, common), Set.of(), Map.of(), Map.of()), 5);
        // by score alone: nearer, common, near, code; the fusion lifts the best full-text match
        assertThat(ranked).extracting(AnswerSource::id).containsExactly("common", "code", "nearer", "near");
        assertThat(ranked.get(1).score()).isEqualTo(0.60);
        assertThat(ranked.get(1).reasons()).anyMatch(r -> r.contains("full-text match 1"));
    }

    @Test
    void withoutFullTextHitsTheOrderIsTheScores() {
        List<AnswerSource> ranked = RANKING.rank(
                evidence(
                        List.of(),
                        List.of(ticket("b", 0.5, null), ticket("a", 0.9, null), ticket("c", 0.7, null)),
                        Set.of(),
                        Map.of(),
                        Map.of()),
                5);
        assertThat(ranked).extracting(AnswerSource::id).containsExactly("a", "c", "b");
    }
}
