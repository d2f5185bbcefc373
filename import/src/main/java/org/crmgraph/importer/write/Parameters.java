package org.crmgraph.importer.write;

import java.util.HashMap;
import java.util.Map;

/** A parameter map that may hold nulls (Map.of may not): a null property means "not given, keep". */
final class Parameters {

    private final Map<String, Object> map = new HashMap<>();

    static Parameters of() {
        return new Parameters();
    }

    Parameters put(String key, Object value) {
        map.put(key, value);
        return this;
    }

    /** Only non-null values, for {@code SET n += $props} that must not remove what the row does not give. */
    Parameters putIfPresent(String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
        return this;
    }

    Map<String, Object> map() {
        return map;
    }
}
