package org.crmgraph.language.classifier;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * The ticket classifier: a small feed-forward head over frozen sentence embeddings. With no hidden layer it
 * is multinomial logistic regression, the published yardstick on these embeddings.
 */
final class ClassifierNetwork {

    private ClassifierNetwork() {}

    static Block build(int hidden, int categories) {
        SequentialBlock block = new SequentialBlock();
        if (hidden > 0) {
            block.add(Linear.builder().setUnits(hidden).build())
                    .add(Activation::relu)
                    .add(Dropout.builder().optRate(0.2f).build());
        }
        return block.add(Linear.builder().setUnits(categories).build());
    }
}
