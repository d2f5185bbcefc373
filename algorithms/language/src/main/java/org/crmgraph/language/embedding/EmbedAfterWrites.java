package org.crmgraph.language.embedding;

import org.crmgraph.graph.event.ArticleChanged;
import org.crmgraph.graph.event.DemoDataLoaded;
import org.crmgraph.graph.event.ImportFinished;
import org.crmgraph.graph.event.TicketOpened;
import org.crmgraph.graph.event.TicketResolved;
import org.crmgraph.graph.event.TicketUpdated;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * New and changed ticket and article text is embedded in the background (and an open ticket routed), so writes run
 * at the database's pace, not the model's, whichever way they came: GraphQL, an import, the demo data. At start-up,
 * whatever was written while the service was down is embedded the same way. Off with
 * {@code crm.support.embed-in-background=false} (the command line), and then the model is not even loaded for it.
 */
@Component
@ConditionalOnBooleanProperty(name = "crm.support.embed-in-background", matchIfMissing = true)
class EmbedAfterWrites {

    private final BackgroundEmbedding embedding;

    EmbedAfterWrites(BackgroundEmbedding embedding) {
        this.embedding = embedding;
    }

    @EventListener({
        TicketOpened.class,
        TicketUpdated.class,
        TicketResolved.class,
        ArticleChanged.class,
        DemoDataLoaded.class,
        ApplicationReadyEvent.class
    })
    void textChanged() {
        embedding.request();
    }

    @EventListener
    void importFinished(ImportFinished event) {
        if (event.rowsImported() > 0) {
            embedding.request();
        }
    }
}
