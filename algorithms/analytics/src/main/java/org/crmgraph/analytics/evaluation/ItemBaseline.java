package org.crmgraph.analytics.evaluation;

import java.util.List;
import java.util.Set;

/** A recommender fitted on training purchases alone: what the graph method is compared with. */
interface ItemBaseline {

    /** Its name and setting, e.g. "item-kNN (shrink 10)". */
    String name();

    /** The {@code k} products it recommends to a customer who bought {@code history}. */
    List<String> recommend(Set<String> history, int k);
}
