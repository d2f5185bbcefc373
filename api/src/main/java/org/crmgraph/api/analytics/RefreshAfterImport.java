package org.crmgraph.api.analytics;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmgraph.analytics.AnalyticsProperties;
import org.crmgraph.analytics.refresh.AnalyticsRefresh;
import org.crmgraph.importer.ImportCompletedEvent;
import org.crmgraph.importer.job.ImportJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refreshes analytics in the background after an import that wrote rows ({@code crm.analytics.refresh-after-import},
 * on by default). Imports finishing close together share one refresh: while one is waiting to start, further
 * imports do not queue another. If a refresh someone else started is running, this one waits for it and then runs,
 * so the newest rows are always analysed. The first load of the demo data is followed by a refresh too.
 */
@Component
public class RefreshAfterImport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefreshAfterImport.class);

    private final AnalyticsRefresh refresh;
    private final AnalyticsProperties settings;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "analytics-after-import");
        thread.setDaemon(true);
        return thread;
    });

    RefreshAfterImport(AnalyticsRefresh refresh, AnalyticsProperties settings) {
        this.refresh = refresh;
        this.settings = settings;
    }

    @EventListener
    void importCompleted(ImportCompletedEvent event) {
        afterImport(event.job());
    }

    /** @return the queued refresh, or null when none was needed (nothing imported, or the setting is off) or one waits */
    Future<?> afterImport(ImportJob job) {
        return settings.refreshAfterImport() && job.rowsImported() > 0 ? schedule() : null;
    }

    /** Queues a background refresh. @return the queued refresh, or null when one is already waiting to start */
    public Future<?> schedule() {
        if (!pending.compareAndSet(false, true)) {
            return null;
        }
        return worker.submit(() -> {
            pending.set(false);
            try {
                var report = refresh.refreshWhenFree();
                log.info("Analytics refreshed in the background in {} ms ({})", report.millis(), report.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("The background analytics refresh failed", e);
            }
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
