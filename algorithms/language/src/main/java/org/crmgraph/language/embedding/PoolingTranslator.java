package org.crmgraph.language.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Sentence-transformers pooling for a BERT-style encoder: tokenise a batch (padded to its longest text), take
 * the last hidden state, pool it as the model was trained to be pooled (MiniLM averages the real tokens, BGE takes
 * the first, {@code [CLS]}) and scale to unit length, so a dot product of two embeddings is their cosine similarity.
 */
final class PoolingTranslator implements NoBatchifyTranslator<String[], float[][]> {

    private static final String MASK = "mask";

    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;

    PoolingTranslator(HuggingFaceTokenizer tokenizer, Pooling pooling) {
        this.tokenizer = tokenizer;
        this.pooling = pooling;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String[] texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        long[][] ids = new long[encodings.length][];
        long[][] mask = new long[encodings.length][];
        long[][] types = new long[encodings.length][];
        for (int i = 0; i < encodings.length; i++) {
            ids[i] = encodings[i].getIds();
            mask[i] = encodings[i].getAttentionMask();
            types[i] = encodings[i].getTypeIds();
        }
        NDManager manager = ctx.getNDManager();
        NDArray idArray = manager.create(ids);
        idArray.setName("input_ids");
        NDArray maskArray = manager.create(mask);
        maskArray.setName("attention_mask");
        NDArray typeArray = manager.create(types);
        typeArray.setName("token_type_ids");
        ctx.setAttachment(MASK, mask);
        return new NDList(idArray, maskArray, typeArray);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList outputs) {
        // pooled in plain Java: ONNX Runtime's NDArray has no arithmetic of its own, and handing the hidden states
        // to another engine for four operations costs more than the loop
        NDArray hidden = outputs.getFirst(); // [batch, tokens, dimensions]
        long[] shape = hidden.getShape().getShape();
        int batch = (int) shape[0];
        int tokens = (int) shape[1];
        int dimensions = (int) shape[2];
        float[] states = hidden.toFloatArray();
        long[][] mask = (long[][]) ctx.getAttachment(MASK);
        float[][] out = new float[batch][dimensions];
        for (int b = 0; b < batch; b++) {
            float[] sum = out[b];
            int counted = 0;
            for (int t = 0; t < tokens; t++) {
                if (mask[b][t] == 0 || (pooling == Pooling.CLS && t > 0)) {
                    continue;
                }
                counted++;
                int offset = (b * tokens + t) * dimensions;
                for (int d = 0; d < dimensions; d++) {
                    sum[d] += states[offset + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < dimensions; d++) {
                sum[d] /= Math.max(counted, 1);
                norm += sum[d] * sum[d];
            }
            float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < dimensions; d++) {
                sum[d] *= scale;
            }
        }
        return out;
    }
}
