/** The ticket classifier trained on DJL's PyTorch engine over frozen sentence embeddings. */
@NullMarked
package org.crmgraph.language.classifier;

import org.jspecify.annotations.NullMarked;
