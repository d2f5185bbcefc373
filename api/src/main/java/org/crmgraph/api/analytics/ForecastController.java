package org.crmgraph.api.analytics;

import org.crmgraph.analytics.forecast.ForecastLevel;
import org.crmgraph.analytics.forecast.ForecastMeasure;
import org.crmgraph.analytics.forecast.Forecaster;
import org.crmgraph.analytics.forecast.Granularity;
import org.crmgraph.analytics.forecast.SalesForecast;
import org.crmgraph.analytics.forecast.SalesForecasts;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code forecast}: sales forecasts over the graph's orders ({@link SalesForecasts}). */
@Controller
class ForecastController {

    record ForecastInput(
            ForecastLevel level, String key, ForecastMeasure measure, Granularity granularity, Integer horizon) {}

    private final SalesForecasts forecasts;

    ForecastController(SalesForecasts forecasts) {
        this.forecasts = forecasts;
    }

    @QueryMapping
    SalesForecast forecast(@Argument ForecastInput input) {
        return forecasts.forecast(
                input.level(),
                input.key(),
                input.measure() == null ? ForecastMeasure.REVENUE : input.measure(),
                input.granularity() == null ? Granularity.WEEK : input.granularity(),
                input.horizon() == null ? 13 : input.horizon());
    }

    @SchemaMapping(typeName = "ForecastPoint", field = "periodStart")
    String periodStart(SalesForecast.Point point) {
        return point.periodStart().toString();
    }

    @SchemaMapping(typeName = "ForecastMethodScore", field = "mase")
    Double mase(Forecaster.Score score) {
        return Double.isNaN(score.mase()) ? null : score.mase();
    }
}
