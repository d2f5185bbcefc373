package org.crmgraph.language;

import java.util.List;
import org.neo4j.driver.Value;

/** Embeddings as the driver returns them (a list of numbers) turned back into the model's floats. */
public final class Vectors {

    private Vectors() {}

    public static float[] floats(Value list) {
        List<Object> values = list.asList();
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }

    /** As a list the driver stores as a property (a Neo4j list of floats). */
    public static List<Double> list(float[] vector) {
        List<Double> out = new java.util.ArrayList<>(vector.length);
        for (float value : vector) {
            out.add((double) value);
        }
        return out;
    }

    /** The index of the vector among {@code candidates} most similar to {@code query} (cosine); -1 when there is none. */
    public static int nearest(float[] query, List<float[]> candidates) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            double score = cosine(query, candidates.get(i));
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** Cosine similarity; 0 when either vector is all zeros or their lengths differ (a model changed in between). */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
