package org.crmgraph.graph.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmgraph.graph.event.ArticleChanged;
import org.crmgraph.graph.event.ArticleChanged.Change;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.validation.Checks;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.stereotype.Service;

@Service
public class ArticleService {

    private static final int MAX_TAGS = 20;

    private final ArticleRepository articles;
    private final DomainEvents events;

    ArticleService(ArticleRepository articles, DomainEvents events) {
        this.articles = articles;
        this.events = events;
    }

    public Optional<Article> find(String id) {
        return Optional.ofNullable(articles.findByIds(List.of(id)).get(id));
    }

    public Map<String, Article> findAll(Collection<String> ids) {
        return articles.findByIds(ids);
    }

    public Page<Article> page(ArticleFilter filter, ArticleSort sort, boolean descending, PageRequest request) {
        return articles.page(filter == null ? ArticleFilter.NONE : filter, sort, descending, request);
    }

    public Outcome<Article> create(ArticleInput input) {
        Checks checks = new Checks();
        Map<String, Object> properties = properties(input, checks, true);
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        properties.put("id", UUID.randomUUID().toString());
        properties.putIfAbsent("tags", List.of());
        return Outcome.success(articles.create(properties))
                .ifSucceeded(article -> changed(article.id(), Change.CREATED));
    }

    public Outcome<Article> update(String id, ArticleInput input) {
        Checks checks = new Checks();
        Map<String, Object> changes = properties(input, checks, false);
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        return articles.update(id, changes)
                .map(Outcome::success)
                .orElseGet(() -> Outcome.failure("id", ErrorCode.NOT_FOUND, "No article has id '" + id + "'."))
                .ifSucceeded(article -> changed(article.id(), Change.UPDATED));
    }

    /** Deletes the article; tickets it resolved stay resolved, without the link. */
    public Outcome<String> delete(String id) {
        return (articles.delete(id)
                        ? Outcome.success(id)
                        : Outcome.<String>failure("id", ErrorCode.NOT_FOUND, "No article has id '" + id + "'."))
                .ifSucceeded(deleted -> changed(deleted, Change.DELETED));
    }

    private void changed(String id, Change change) {
        events.publish(new ArticleChanged(id, change, events.now()));
    }

    private static Map<String, Object> properties(ArticleInput input, Checks checks, boolean creating) {
        Map<String, Object> properties = new HashMap<>();
        String title = checks.text("title", input.title(), 300, creating);
        String body = checks.longText("body", input.body(), 100_000, creating);
        if (title != null) {
            properties.put("title", title);
        }
        if (body != null) {
            properties.put("body", body);
        }
        if (input.tags() != null) {
            if (input.tags().size() > MAX_TAGS) {
                checks.add("tags", ErrorCode.OUT_OF_RANGE, "At most " + MAX_TAGS + " tags are allowed.");
            }
            var tags = new LinkedHashSet<String>();
            for (int i = 0; i < input.tags().size() && i < MAX_TAGS; i++) {
                String tag = checks.text("tags." + i, input.tags().get(i), 50, true);
                if (tag != null) {
                    tags.add(tag.toLowerCase(Locale.ROOT));
                }
            }
            properties.put("tags", new ArrayList<>(tags));
        }
        return properties;
    }
}
