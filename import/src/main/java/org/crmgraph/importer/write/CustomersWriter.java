package org.crmgraph.importer.write;

import java.util.List;
import org.crmgraph.importer.clean.CleanRow;
import org.neo4j.driver.SimpleQueryRunner;

/** A customer export: identity resolution already merged every row into its customer; nothing else to write. */
public final class CustomersWriter implements EntityWriter {

    @Override
    public void write(SimpleQueryRunner tx, List<CleanRow> rows, List<String> personKeys) {
        // the rows are people; IdentityResolver wrote their source records and customers in this transaction
    }
}
