package org.crmgraph.language.embedding;

/** How a sentence-embedding model turns its token states into one vector: the way it was trained to. */
public enum Pooling {
    /** The average over the real tokens (sentence-transformers models such as all-MiniLM-L6-v2). */
    MEAN,
    /** The first token's state, {@code [CLS]} (the BGE models). */
    CLS
}
