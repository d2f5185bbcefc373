package org.crmgraph.graph.article;

import java.time.ZonedDateTime;
import org.crmgraph.graph.page.SortKey;

public enum ArticleSort {
    TITLE(new SortKey("article.title", "toLower(coalesce(a.title, ''))", String.class)),
    CREATED_AT(
            new SortKey("article.createdAt", "coalesce(a.createdAt, datetime({epochMillis: 0}))", ZonedDateTime.class)),
    UPDATED_AT(
            new SortKey("article.updatedAt", "coalesce(a.updatedAt, datetime({epochMillis: 0}))", ZonedDateTime.class));

    private final SortKey key;

    ArticleSort(SortKey key) {
        this.key = key;
    }

    public SortKey key() {
        return key;
    }
}
