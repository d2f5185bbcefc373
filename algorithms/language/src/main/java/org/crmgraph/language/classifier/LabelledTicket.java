package org.crmgraph.language.classifier;

/** A ticket with a category and an embedding: one training example. */
record LabelledTicket(String id, String category, String priority, float[] embedding) {}
