/**
 * Sales and demand forecasts: regular series of units, revenue or orders per day, ISO week or month, a method chosen
 * per series by a rolling-origin backtest (seasonal naive, exponential smoothing, Theta, Croston/SBA), and prediction
 * intervals from the backtest's own errors.
 */
@NullMarked
package org.crmgraph.analytics.forecast;

import org.jspecify.annotations.NullMarked;
