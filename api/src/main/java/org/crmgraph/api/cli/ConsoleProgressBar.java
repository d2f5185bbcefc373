package org.crmgraph.api.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.crmgraph.importer.ImportProgressListener;
import org.crmgraph.importer.job.ImportCounts;

/**
 * {@code [#########...........]  45%  245,000 rows  12,345 rows/s  ETA 0:20  rejected 1,234}. Redrawn in
 * place on a terminal; without one (CI, a log file) a line every 10%.
 */
final class ConsoleProgressBar implements ImportProgressListener {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int lastDecile = -1;
    private String unprinted;

    ConsoleProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void progress(ImportCounts counts, long bytesTotal) {
        double fraction = bytesTotal <= 0 ? 0 : Math.min(1.0, (double) counts.bytesRead() / bytesTotal);
        double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
        double rate = counts.rowsRead() / seconds;
        long eta = fraction <= 0 ? -1 : Math.round(seconds / fraction - seconds);
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format(
                Locale.ROOT,
                "[%s%s] %3d%%  %,d rows  %,.0f rows/s  ETA %s  rejected %,d",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                Math.round(fraction * 100),
                counts.rowsRead(),
                rate,
                eta < 0 ? "?" : "%d:%02d".formatted(eta / 60, eta % 60),
                counts.rowsRejected());
        if (terminal) {
            err.print("\r" + line);
            err.flush();
        } else {
            int decile = (int) (fraction * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.println(line);
                unprinted = null;
            } else {
                unprinted = line;
            }
        }
    }

    /** Ends the bar; without a terminal, prints the final state if its decile was already shown. */
    void done() {
        if (terminal) {
            err.println();
        } else if (unprinted != null) {
            err.println(unprinted);
            unprinted = null;
        }
    }
}
