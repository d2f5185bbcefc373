package org.crmgraph.language.embedding;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT-style sentence encoder exported to ONNX (all-MiniLM-L6-v2 as the Hugging Face exporter writes it): its
 * float weights by their checkpoint names, and a copy of the file with some of them replaced.
 *
 * <p>The exporter folds each linear layer's weight into an anonymous {@code onnx::MatMul_n} initializer holding
 * the transposed matrix; the MatMul node that reads it is named after the layer, so it is known here as
 * {@code <layer>.weightT} (for example {@code encoder.layer.0.attention.self.query.weightT}).
 */
final class OnnxEncoderFile {

    private final OnnxMl.ModelProto model;
    private final Map<String, String> initializerOf;
    private final Map<String, Weight> weights;
    private final float layerNormEpsilon;

    /** A weight's shape and values (a copy). */
    record Weight(long[] shape, float[] values) {}

    private OnnxEncoderFile(
            OnnxMl.ModelProto model,
            Map<String, String> initializerOf,
            Map<String, Weight> weights,
            float layerNormEpsilon) {
        this.model = model;
        this.initializerOf = initializerOf;
        this.weights = weights;
        this.layerNormEpsilon = layerNormEpsilon;
    }

    static OnnxEncoderFile read(InputStream onnx) throws IOException {
        CodedInputStream input = CodedInputStream.newInstance(onnx);
        input.setSizeLimit(Integer.MAX_VALUE); // the default 64 MB is less than one encoder
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(input);
        OnnxMl.GraphProto graph = model.getGraph();
        Map<String, String> aliases = new HashMap<>();
        float epsilon = 1e-12f;
        for (OnnxMl.NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("MatMul")) {
                for (String in : node.getInputList()) {
                    if (in.startsWith("onnx::MatMul")) {
                        aliases.put(
                                in,
                                node.getName()
                                                .substring(1)
                                                .replace("/MatMul", "")
                                                .replace('/', '.') + ".weightT");
                    }
                }
            }
            // the exporter writes LayerNorm's epsilon as a constant next to the first LayerNorm
            if (node.getName().equals("/embeddings/LayerNorm/Constant_1")
                    && node.getOpType().equals("Constant")
                    && node.getAttributeCount() > 0) {
                ByteString raw = node.getAttribute(0).getT().getRawData();
                if (raw.size() == Float.BYTES) {
                    epsilon = raw.asReadOnlyByteBuffer()
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getFloat();
                }
            }
        }
        Map<String, String> initializerOf = new LinkedHashMap<>();
        Map<String, Weight> weights = new LinkedHashMap<>();
        for (OnnxMl.TensorProto tensor : graph.getInitializerList()) {
            if (tensor.getDataType() != OnnxMl.TensorProto.DataType.FLOAT_VALUE) {
                continue;
            }
            String name = aliases.getOrDefault(tensor.getName(), tensor.getName());
            long[] shape =
                    tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
            float[] values;
            if (!tensor.getRawData().isEmpty()) {
                FloatBuffer floats = tensor.getRawData()
                        .asReadOnlyByteBuffer()
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer();
                values = new float[floats.remaining()];
                floats.get(values);
            } else {
                List<Float> list = tensor.getFloatDataList();
                values = new float[list.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = list.get(i);
                }
            }
            initializerOf.put(name, tensor.getName());
            weights.put(name, new Weight(shape, values));
        }
        return new OnnxEncoderFile(model, initializerOf, weights, epsilon);
    }

    Map<String, Weight> weights() {
        return weights;
    }

    float layerNormEpsilon() {
        return layerNormEpsilon;
    }

    /**
     * The same graph with these weights (by the names {@link #weights()} uses) in place of the file's own.
     *
     * @throws IllegalArgumentException naming a weight the file does not have or whose size differs
     */
    byte[] withWeights(Map<String, float[]> replacements) {
        Map<String, float[]> byInitializer = new HashMap<>();
        replacements.forEach((name, values) -> {
            String initializer = initializerOf.get(name);
            if (initializer == null) {
                throw new IllegalArgumentException("the encoder has no weight " + name);
            }
            if (values.length != weights.get(name).values().length) {
                throw new IllegalArgumentException("weight " + name + " has "
                        + weights.get(name).values().length + " values, not " + values.length);
            }
            byInitializer.put(initializer, values);
        });
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            float[] values = byInitializer.get(graph.getInitializer(i).getName());
            if (values == null) {
                continue;
            }
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            graph.setInitializer(
                    i, graph.getInitializer(i).toBuilder().clearFloatData().setRawData(ByteString.copyFrom(bytes)));
        }
        return model.toBuilder().setGraph(graph).build().toByteArray();
    }
}
