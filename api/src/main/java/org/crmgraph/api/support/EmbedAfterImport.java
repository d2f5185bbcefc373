package org.crmgraph.api.support;

import org.crmgraph.language.embedding.BackgroundEmbedding;
import org.crmgraph.importer.ImportCompletedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Imported tickets and articles are embedded in the background once the import is done, so the import runs at
 * the database's pace, not the model's. At start-up, whatever was written while the service was down (an
 * import from the command line, the demo data) is embedded the same way.
 */
@Component
class EmbedAfterImport {

    private final BackgroundEmbedding embedding;

    EmbedAfterImport(BackgroundEmbedding embedding) {
        this.embedding = embedding;
    }

    @EventListener
    void importCompleted(ImportCompletedEvent event) {
        if (event.job().rowsImported() > 0) {
            embedding.request();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        embedding.request();
    }
}
