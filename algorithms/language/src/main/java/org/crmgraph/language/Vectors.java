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
}
