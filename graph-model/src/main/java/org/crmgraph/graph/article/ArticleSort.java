package org.crmgraph.graph.article;

import java.time.ZonedDateTime;
import org.crmgraph.graph.page.SortKey;

public enum ArticleSort {
    TITLE(new SortKey("article.title", "toLower(coalesce(a.title, ''))", String.class)),
    CREATED_AT(new SortKey("article.createdAt", "a.createdAt", ZonedDateTime.class)),
    UPDATED_AT(new SortKey("article.updatedAt", "a.updatedAt", ZonedDateTime.class));

    private final SortKey key;

    ArticleSort(SortKey key) {
        this.key = key;
    }

    public SortKey key() {
        return key;
    }
}
