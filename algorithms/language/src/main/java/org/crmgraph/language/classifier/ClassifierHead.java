package org.crmgraph.language.classifier;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Fits a classification head ({@link ClassifierNetwork}) over frozen sentence embeddings on DJL's PyTorch engine,
 * for every text classifier here (ticket categories, sentiment): Adam, softmax cross-entropy, shuffled mini-batches,
 * seeded so the same data gives the same weights.
 */
public final class ClassifierHead {

    private static final int BATCH_SIZE = 32;
    private static final float LEARNING_RATE = 1e-3f;

    private ClassifierHead() {}

    /**
     * @param features one embedding per example, all of the same length
     * @param labels   the class index of each example, from 0 to {@code classes - 1}
     * @return the trained weights, as {@link TrainedClassifier#fromParameters} reads them
     */
    // one training at a time in the process: DJL's PyTorch gradient collector refuses a second one
    public static synchronized byte[] fit(
            String name, List<float[]> features, int[] labels, int classes, int hidden, int epochs, long seed) {
        int dimensions = features.getFirst().length;
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        try (Model model = Model.newInstance(name, "PyTorch")) {
            model.setBlock(ClassifierNetwork.build(hidden, classes));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(LEARNING_RATE))
                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, dimensions));
                NDManager manager = trainer.getManager();
                ArrayDataset data = new ArrayDataset.Builder()
                        .setData(matrix(manager, features, dimensions))
                        .optLabels(manager.create(toFloats(labels)))
                        .setSampling(BATCH_SIZE, true)
                        .build();
                for (int epoch = 0; epoch < epochs; epoch++) {
                    for (Batch batch : trainer.iterateDataset(data)) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                        batch.close();
                    }
                }
            } catch (IOException | TranslateException e) {
                throw new IllegalStateException("Training " + name + " failed: " + e.getMessage(), e);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.getBlock().saveParameters(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Saving " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The weights of a head without a hidden layer whose logits are {@code weights · x + bias}, as
     * {@link TrainedClassifier#fromParameters} reads them (hidden 0): for a head trained elsewhere, such as
     * together with the encoder.
     *
     * @param weights one row of input weights per class
     */
    public static byte[] linear(float[][] weights, float[] bias) {
        int classes = weights.length;
        int dimensions = weights[0].length;
        try (Model model = Model.newInstance("linear-head", "PyTorch")) {
            Block block = ClassifierNetwork.build(0, classes);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, dimensions));
            float[] flat = new float[classes * dimensions];
            for (int c = 0; c < classes; c++) {
                System.arraycopy(weights[c], 0, flat, c * dimensions, dimensions);
            }
            for (Parameter parameter : block.getParameters().values()) {
                NDArray array = parameter.getArray();
                array.set(FloatBuffer.wrap(array.getShape().dimension() == 2 ? flat : bias));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Saving a linear head failed: " + e.getMessage(), e);
        }
    }

    private static NDArray matrix(NDManager manager, List<float[]> rows, int dimensions) {
        float[] flat = new float[rows.size() * dimensions];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * dimensions, dimensions);
        }
        return manager.create(flat, new Shape(rows.size(), dimensions));
    }

    private static float[] toFloats(int[] labels) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }
}
