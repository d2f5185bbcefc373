package org.crmgraph.api.article;

import java.util.List;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;

class ArticleApiIT extends FixtureGraphTest {

    @Test
    void createsUpdatesAndDeletesAnArticle() {
        var created = graphQl.documentName("createArticle")
                .variable(
                        "input",
                        Map.of(
                                "title",
                                "Charging your laptop",
                                "body",
                                "Use the 65 W charger.\nTry another outlet.",
                                "tags",
                                List.of("Laptops", "battery", "laptops")))
                .execute();
        created.path("createArticle.article.tags").entityList(String.class).containsExactly("laptops", "battery");
        created.path("createArticle.article.body")
                .entity(String.class)
                .isEqualTo("Use the 65 W charger.\nTry another outlet.");
        String id =
                created.path("createArticle.article.id").entity(String.class).get();

        var updated = graphQl.documentName("updateArticle")
                .variable("id", id)
                .variable("input", Map.of("title", "Laptop will not charge"))
                .execute();
        updated.path("updateArticle.article.title").entity(String.class).isEqualTo("Laptop will not charge");
        updated.path("updateArticle.article.tags").entityList(String.class).containsExactly("laptops", "battery");

        graphQl.documentName("deleteArticle")
                .variable("id", id)
                .execute()
                .path("deleteArticle.deletedId")
                .entity(String.class)
                .isEqualTo(id);
        graphQl.documentName("article")
                .variable("id", id)
                .execute()
                .path("article")
                .valueIsNull();
    }

    @Test
    void deletingAnArticleKeepsTheTicketItResolved() {
        graphQl.documentName("deleteArticle")
                .variable("id", "kb1")
                .execute()
                .path("deleteArticle.deletedId")
                .entity(String.class)
                .isEqualTo("kb1");
        var ticket = graphQl.documentName("ticket").variable("id", "t1").execute();
        ticket.path("ticket.status").entity(String.class).isEqualTo("RESOLVED");
        ticket.path("ticket.resolvedBy").valueIsNull();
    }

    @Test
    void invalidArticlesAndUnknownIdsAreReported() {
        graphQl.documentName("createArticle")
                .variable("input", Map.of("title", "", "body", "b"))
                .execute()
                .path("createArticle.errors[0].code")
                .entity(String.class)
                .isEqualTo("REQUIRED");
        graphQl.documentName("createArticle")
                .variable("input", Map.of("title", "t", "body", "b", "tags", List.of("ok", " ")))
                .execute()
                .path("createArticle.errors[0].field")
                .entityList(String.class)
                .containsExactly("tags", "1");
        graphQl.documentName("updateArticle")
                .variable("id", "kb404")
                .variable("input", Map.of("title", "x"))
                .execute()
                .path("updateArticle.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        graphQl.documentName("deleteArticle")
                .variable("id", "kb404")
                .execute()
                .path("deleteArticle.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void searchesTextAndTags() {
        graphQl.documentName("articles")
                .variable("filter", Map.of("textContains", "POWER BUTTON"))
                .execute()
                .path("articles.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("kb1");
        graphQl.documentName("articles")
                .variable("filter", Map.of("tag", "returns"))
                .execute()
                .path("articles.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("kb2");
        graphQl.documentName("articles")
                .variable("orderBy", Map.of("field", "TITLE", "direction", "ASC"))
                .execute()
                .path("articles.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("kb1", "kb2");
    }
}
