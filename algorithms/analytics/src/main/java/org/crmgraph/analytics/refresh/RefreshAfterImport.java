package org.crmgraph.analytics.refresh;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmgraph.analytics.AnalyticsProperties;
import org.crmgraph.analytics.GdsUnavailableException;
import org.crmgraph.graph.event.DemoDataLoaded;
import org.crmgraph.graph.event.ImportFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refreshes analytics in the background after an import that wrote rows ({@code crm.analytics.refresh-after-import},
 * on by default). Imports finishing close together share one refresh: while one is waiting to start, further
 * imports do not queue another. If a refresh someone else started is running, this one waits for it and then runs,
 * so the newest rows are always analysed. The first load of the demo data is followed by a refresh too (under the
 * same setting). A refresh
 * that finds no Graph Data Science on the server is skipped with a log line. The command line turns the setting off:
 * a command exits before a background refresh could finish.
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

    public RefreshAfterImport(AnalyticsRefresh refresh, AnalyticsProperties settings) {
        this.refresh = refresh;
        this.settings = settings;
    }

    @EventListener
    void importFinished(ImportFinished event) {
        afterImport(event);
    }

    /** @return the queued refresh, or null when none was needed (nothing imported, or the setting is off) or one waits */
    public Future<?> afterImport(ImportFinished event) {
        return settings.refreshAfterImport() && event.rowsImported() > 0 ? schedule() : null;
    }

    @EventListener
    void afterDemoData(DemoDataLoaded event) {
        if (settings.refreshAfterImport()) {
            schedule();
        }
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
            } catch (GdsUnavailableException e) {
                log.info("No background analytics refresh: {}", e.getMessage());
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
