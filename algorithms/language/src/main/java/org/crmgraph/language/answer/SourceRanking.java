package org.crmgraph.language.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks an answer's candidates. A source starts at its cosine similarity to the question, then:
 * <ul>
 *   <li>an article that resolved a similar ticket is worth at least that ticket (it is the organisation's own
 *       record that this article answers such questions);</li>
 *   <li>a source about a product the customer bought or has an open ticket on gains {@code customerBoost};</li>
 *   <li>feedback on near-identical past questions moves it by {@code feedbackWeight} per vote, weighted by how
 *       near the past question was, at most three votes either way.</li>
 * </ul>
 * Scores are capped to [0, 1] so they read as a confidence. The order fuses two rankings by reciprocal rank
 * (Cormack et al., k = {@value #FUSION_K}): by that score, and by full-text relevance for the sources the full-text
 * index found, so a ticket that shares a rare word with the question (a product code, an error number) comes
 * first even when the embedding model misses it. Of tickets resolved with the same text only the best is kept, so the
 * list shows different answers.
 */
final class SourceRanking {

    private static final double MAX_VOTES = 3;
    static final int FUSION_K = 60;

    private final double customerBoost;
    private final double feedbackWeight;

    SourceRanking(double customerBoost, double feedbackWeight) {
        this.customerBoost = customerBoost;
        this.feedbackWeight = feedbackWeight;
    }

    List<AnswerSource> rank(Evidence evidence, int limit) {
        Map<String, Candidate> bestResolvedCase = new HashMap<>();
        for (Candidate ticket : evidence.tickets()) {
            if (ticket.resolvedBy() != null) {
                bestResolvedCase.merge(ticket.resolvedBy(), ticket, (a, b) -> a.similarity() >= b.similarity() ? a : b);
            }
        }
        List<Scored> ranked = new ArrayList<>();
        for (Candidate candidate : concat(evidence.articles(), evidence.tickets())) {
            if (candidate.text() == null || candidate.text().isBlank()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            double score = candidate.similarity();
            reasons.add(percent(candidate.similarity()) + " similar to the question");
            if (candidate.kind() == SourceKind.ARTICLE && bestResolvedCase.containsKey(candidate.id())) {
                Candidate resolved = bestResolvedCase.get(candidate.id());
                if (resolved.similarity() > score) {
                    score = resolved.similarity();
                    reasons.add("resolved ticket " + resolved.id() + ", which is " + percent(resolved.similarity())
                            + " similar");
                }
            }
            if (candidate.products().stream().anyMatch(evidence.ownedProducts()::contains)) {
                score += customerBoost;
                reasons.add("about a product the customer bought");
            } else if (candidate.products().stream().anyMatch(evidence.openTicketProducts()::contains)) {
                score += customerBoost;
                reasons.add("about the product of the customer's open ticket");
            }
            String key = Evidence.key(candidate.kind(), candidate.id());
            double votes = evidence.feedback().getOrDefault(key, 0.0);
            if (votes != 0) {
                score += feedbackWeight * Math.max(-MAX_VOTES, Math.min(MAX_VOTES, votes));
                int net = evidence.feedbackVotes().getOrDefault(key, 0);
                reasons.add(
                        net >= 0
                                ? "marked helpful for similar questions (" + net + " net vote(s))"
                                : "marked unhelpful for similar questions (" + -net + " net vote(s))");
            }
            ranked.add(new Scored(candidate, clamp(score), reasons));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score)
                .reversed()
                .thenComparing(s -> s.candidate().kind())
                .thenComparing(s -> s.candidate().id()));
        List<Scored> byText = ranked.stream()
                .filter(s -> s.candidate().textScore() != null)
                .sorted(Comparator.comparingDouble((Scored s) -> s.candidate().textScore())
                        .reversed())
                .toList();
        Map<Scored, Double> fused = new java.util.IdentityHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            fused.put(ranked.get(i), 1.0 / (FUSION_K + i + 1));
        }
        for (int i = 0; i < byText.size(); i++) {
            fused.merge(byText.get(i), 1.0 / (FUSION_K + i + 1), Double::sum);
            if (i < 3) {
                byText.get(i).reasons().add("shares rare words with the question (full-text match " + (i + 1) + ")");
            }
        }
        List<AnswerSource> ordered = ranked.stream()
                .sorted(Comparator.comparingDouble((Scored s) -> fused.get(s)).reversed())
                .map(Scored::source)
                .toList();
        // tickets solved with the same words say the same thing: the best of them stands for the rest
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<AnswerSource> distinct = new ArrayList<>();
        for (AnswerSource source : ordered) {
            if (seen.add(source.kind() + "\u0000" + source.text().strip().toLowerCase(java.util.Locale.ROOT))
                    && distinct.size() < limit) {
                distinct.add(source);
            }
        }
        return List.copyOf(distinct);
    }

    private record Scored(Candidate candidate, double score, List<String> reasons) {

        AnswerSource source() {
            return new AnswerSource(
                    candidate.kind(),
                    candidate.id(),
                    candidate.title(),
                    candidate.text(),
                    clamp(candidate.similarity()),
                    score,
                    List.copyOf(reasons));
        }
    }

    private static List<Candidate> concat(List<Candidate> a, List<Candidate> b) {
        List<Candidate> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static String percent(double similarity) {
        return Math.round(clamp(similarity) * 100) + "%";
    }
}
