/** Sentence embeddings (MiniLM on ONNX Runtime), their vector indexes and the background embedding of new text. */
@NullMarked
package org.crmgraph.language.embedding;

import org.jspecify.annotations.NullMarked;
