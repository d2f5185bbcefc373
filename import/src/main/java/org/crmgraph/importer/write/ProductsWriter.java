package org.crmgraph.importer.write;

import java.util.List;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.mapping.Field;
import org.neo4j.driver.SimpleQueryRunner;

/** A catalogue export: products by SKU, with their category. */
public final class ProductsWriter implements EntityWriter {

    private final WriteContext context;
    private final ProductUpserts.Written written = new ProductUpserts.Written();
    private ProductUpserts pending;

    public ProductsWriter(WriteContext context) {
        this.context = context;
    }

    @Override
    public void write(SimpleQueryRunner tx, List<CleanRow> rows, List<String> personKeys) {
        var products = new ProductUpserts(written);
        for (CleanRow row : rows) {
            var at = row.time(Field.UPDATED_AT) != null ? row.time(Field.UPDATED_AT) : context.fileTime();
            products.add(
                    row.text(Field.SKU),
                    row.text(Field.PRODUCT_NAME),
                    row.text(Field.DESCRIPTION),
                    row.decimal(Field.PRICE),
                    row.text(Field.CURRENCY),
                    row.text(Field.CATEGORY),
                    at);
        }
        products.write(tx);
        pending = products;
    }

    @Override
    public void committed(List<CleanRow> rows) {
        if (pending != null) {
            pending.committed();
            pending = null;
        }
    }
}
