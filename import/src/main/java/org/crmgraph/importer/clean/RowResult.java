package org.crmgraph.importer.clean;

import java.util.List;

/** What cleaning made of one source row: a clean row (possibly with dropped values), or a rejection. */
public record RowResult(CleanRow row, List<ReportEntry> entries) {

    public boolean rejected() {
        return row == null;
    }
}
