package org.crmgraph.language.embedding;

/**
 * One pass of the embedding backfill: how many tickets and articles got a new embedding, how many had
 * changed only outside their text (marked current without a model call), and the model's pace.
 */
public record BackfillReport(
        int ticketsEmbedded,
        int articlesEmbedded,
        int unchanged,
        int ticketsRouted,
        long millis,
        double sentencesPerSecond) {

    public int embedded() {
        return ticketsEmbedded + articlesEmbedded;
    }
}
