package org.crmgraph.graph.article;

/** {@code textContains} looks in title and body, case-insensitively; {@code tag} must be one of the article's tags. */
public record ArticleFilter(String textContains, String tag) {

    public static final ArticleFilter NONE = new ArticleFilter(null, null);
}
