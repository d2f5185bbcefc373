/**
 * Predicted customer lifetime value: BG/NBD for how many purchases a customer will still make and whether it is still
 * a customer, Gamma-Gamma for what they will be worth, both fitted on the graph's own history by maximum likelihood,
 * and graded against the run-rate formula on a time split.
 */
@NullMarked
package org.crmgraph.analytics.lifetime;

import org.jspecify.annotations.NullMarked;
