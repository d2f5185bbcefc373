package org.crmgraph.api.sentiment;

import java.util.List;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.language.sentiment.Sentiment;
import org.crmgraph.language.sentiment.SentimentAnalysis;
import org.crmgraph.language.sentiment.SentimentModelReport;
import org.crmgraph.language.sentiment.SentimentModels;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SentimentController {

    private final SentimentAnalysis analysis;
    private final SentimentModels models;

    SentimentController(SentimentAnalysis analysis, SentimentModels models) {
        this.analysis = analysis;
        this.models = models;
    }

    @QueryMapping
    Sentiment analyzeSentiment(@Argument String text) {
        return analysis.analyze(text);
    }

    @QueryMapping
    List<SentimentModelReport> sentimentModels(@Argument Integer first) {
        int n = PagingProperties.listLength(first, 10, 100);
        return n == 0 ? List.of() : models.reports(n);
    }
}
