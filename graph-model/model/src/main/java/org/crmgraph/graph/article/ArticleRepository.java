package org.crmgraph.graph.article;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.springframework.stereotype.Repository;

@Repository
class ArticleRepository {

    private static final KeysetQuery LIST = new KeysetQuery("MATCH (a:Article)", "a", "id", "", Article.PROJECTION);

    private static final String BY_IDS = """
            UNWIND $ids AS id
            MATCH (a:Article {id: id})
            RETURN %s AS a
            """.formatted(Article.PROJECTION);
    private static final String CREATE = """
            CREATE (a:Article)
            SET a = $properties, a.createdAt = datetime(), a.updatedAt = datetime()
            RETURN %s AS a
            """.formatted(Article.PROJECTION);
    private static final String UPDATE = """
            MATCH (a:Article {id: $id})
            SET a += $changes, a.updatedAt = datetime()
            RETURN %s AS a
            """.formatted(Article.PROJECTION);
    private static final String DELETE = """
            MATCH (a:Article {id: $id})
            DETACH DELETE a
            RETURN $id AS id
            """;

    private final CypherRunner cypher;

    ArticleRepository(CypherRunner cypher) {
        this.cypher = cypher;
    }

    Map<String, Article> findByIds(Collection<String> ids) {
        Map<String, Article> found = new LinkedHashMap<>();
        cypher.read(BY_IDS, Map.of("ids", List.copyOf(ids)), r -> Article.from(r.get("a")))
                .forEach(article -> found.put(article.id(), article));
        return found;
    }

    Page<Article> page(ArticleFilter filter, ArticleSort sort, boolean descending, PageRequest request) {
        var conditions = new KeysetQuery.Conditions()
                .when(
                        filter.textContains() == null
                                ? null
                                : filter.textContains().strip().toLowerCase(java.util.Locale.ROOT),
                        "text",
                        "(toLower(a.title) CONTAINS $text OR toLower(a.body) CONTAINS $text)")
                .when(filter.tag(), "tag", "$tag IN a.tags");
        return LIST.page(cypher, conditions, sort.key(), descending, request, Article::from);
    }

    Article create(Map<String, Object> properties) {
        return cypher.write(CREATE, Map.of("properties", properties), r -> Article.from(r.get("a")))
                .getFirst();
    }

    Optional<Article> update(String id, Map<String, Object> changes) {
        return cypher.write(UPDATE, Map.of("id", id, "changes", changes), r -> Article.from(r.get("a"))).stream()
                .findFirst();
    }

    boolean delete(String id) {
        return !cypher.write(DELETE, Map.of("id", id), r -> r.get("id").asString())
                .isEmpty();
    }
}
