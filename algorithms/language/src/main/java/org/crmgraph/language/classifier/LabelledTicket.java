package org.crmgraph.language.classifier;

/**
 * A ticket with a category and an embedding: one training example. {@code text} is what its customer wrote
 * (subject and body), which fine-tuning the encoder reads; {@code indexedText} is what its embedding was made from.
 */
record LabelledTicket(
        String id, String category, String priority, float[] embedding, String text, String indexedText) {}
