/**
 * Probabilistic record linkage (Fellegi-Sunter): what two person records look like side by side (comparison
 * levels per field), how likely each level is among true matches and among non-matches (a model estimated from
 * the data by expectation maximisation, with no labels), and the blocking keys that find candidate pairs without
 * comparing everyone with everyone. Nothing here touches the graph.
 */
@NullMarked
package org.crmgraph.importer.identity.matching;

import org.jspecify.annotations.NullMarked;
