package org.crmgraph.api.webhook;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmgraph.api.security.Caller;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.crmgraph.graph.webhook.Webhook;
import org.crmgraph.graph.webhook.WebhookDelivery;
import org.crmgraph.graph.webhook.WebhookStore;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Webhooks for admins: register, list, delete; the dead-letter list and its replay. */
@Controller
class WebhookController {

    static final int MAX_DESCRIPTION = 200;
    static final int MAX_REPLAY = 1000;

    record CreateWebhookInput(
            @Nullable String url,
            @Nullable List<WebhookEventType> events,
            @Nullable String customerId,
            @Nullable String description) {}

    record WebhookView(
            String id,
            String url,
            List<String> events,
            @Nullable String customerId,
            @Nullable String description,
            OffsetDateTime createdAt,
            @Nullable String createdBy,
            long pendingDeliveries,
            long deliveredDeliveries,
            long deadDeliveries) {

        static WebhookView of(Webhook w, Map<WebhookDelivery.Status, Long> counts) {
            return new WebhookView(
                    w.id(),
                    w.url(),
                    w.events(),
                    w.customerId(),
                    w.description(),
                    w.createdAt(),
                    w.createdBy(),
                    counts.getOrDefault(WebhookDelivery.Status.PENDING, 0L),
                    counts.getOrDefault(WebhookDelivery.Status.DELIVERED, 0L),
                    counts.getOrDefault(WebhookDelivery.Status.DEAD, 0L));
        }
    }

    record CreateWebhookPayload(
            @Nullable WebhookView webhook, @Nullable String secret, List<FieldError> errors) {}

    record WebhookPayload(@Nullable WebhookView webhook, List<FieldError> errors) {}

    record ReplayWebhookDeliveriesPayload(List<WebhookDelivery> deliveries, List<FieldError> errors) {}

    private final WebhookStore store;
    private final EndpointGuard guard;
    private final WebhookDispatcher dispatcher;
    private final WebhookProperties properties;

    WebhookController(
            WebhookStore store, EndpointGuard guard, WebhookDispatcher dispatcher, WebhookProperties properties) {
        this.store = store;
        this.guard = guard;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @QueryMapping
    List<WebhookView> webhooks() {
        List<Webhook> webhooks = store.list();
        var counts = store.counts(webhooks.stream().map(Webhook::id).toList());
        return webhooks.stream()
                .map(w -> WebhookView.of(w, counts.getOrDefault(w.id(), Map.of())))
                .toList();
    }

    @QueryMapping
    List<WebhookDelivery> webhookDeliveries(
            @Argument @Nullable String webhookId,
            @Argument WebhookDelivery.@Nullable Status status,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after) {
        int limit = PagingProperties.listLength(first, 100, 1000);
        long afterPosition = 0;
        if (after != null) {
            try {
                afterPosition = Long.parseLong(after.strip());
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException(
                        ErrorCode.INVALID_FORMAT,
                        "after",
                        "'after' is the `eventId` of a delivery on the previous page, was '" + after + "'.");
            }
        }
        if (limit == 0) {
            return List.of();
        }
        return store.withStatus(status == null ? WebhookDelivery.Status.DEAD : status, webhookId, afterPosition, limit);
    }

    /** The event's id is its position in the change log, as in the delivered body. */
    @SchemaMapping(typeName = "WebhookDelivery")
    String eventId(WebhookDelivery delivery) {
        return Long.toString(delivery.position());
    }

    @MutationMapping
    CreateWebhookPayload createWebhook(@Argument CreateWebhookInput input) {
        List<FieldError> errors = new ArrayList<>();
        String url = input.url() == null ? "" : input.url().strip();
        if (url.isEmpty()) {
            errors.add(FieldError.of("url", ErrorCode.REQUIRED, "A webhook needs the URL deliveries are posted to."));
        } else {
            guard.problem(url)
                    .ifPresent(problem -> errors.add(FieldError.of("url", ErrorCode.INVALID_FORMAT, problem)));
        }
        List<WebhookEventType> events = input.events() == null ? List.of() : input.events();
        if (events.isEmpty()) {
            errors.add(FieldError.of("events", ErrorCode.REQUIRED, "Name at least one event type to receive."));
        }
        String description =
                input.description() == null ? null : input.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(FieldError.of("description", ErrorCode.TOO_LONG, "At most " + MAX_DESCRIPTION + " characters."));
        }
        if (store.list().size() >= properties.maxWebhooks()) {
            errors.add(FieldError.of(
                    "url",
                    ErrorCode.INVALID_STATE,
                    "There are " + properties.maxWebhooks() + " webhooks already (crm.webhooks.max-webhooks);"
                            + " delete one first."));
        }
        if (!errors.isEmpty()) {
            return new CreateWebhookPayload(null, null, errors);
        }
        Set<String> types = new java.util.LinkedHashSet<>();
        events.forEach(type -> types.add(type.name()));
        var created = store.create(
                url,
                List.copyOf(types),
                input.customerId() == null || input.customerId().isBlank()
                        ? null
                        : input.customerId().strip(),
                description == null || description.isEmpty() ? null : description,
                Caller.current().name());
        dispatcher.wake();
        return new CreateWebhookPayload(WebhookView.of(created.webhook(), Map.of()), created.secret(), List.of());
    }

    @MutationMapping
    WebhookPayload deleteWebhook(@Argument String id) {
        Optional<Webhook> deleted = store.delete(id);
        return deleted.map(w -> new WebhookPayload(WebhookView.of(w, Map.of()), List.of()))
                .orElseGet(() -> new WebhookPayload(
                        null, List.of(FieldError.of("id", ErrorCode.NOT_FOUND, "No webhook has the id " + id + "."))));
    }

    @MutationMapping
    ReplayWebhookDeliveriesPayload replayWebhookDeliveries(@Argument List<String> ids) {
        if (ids.size() > MAX_REPLAY) {
            return new ReplayWebhookDeliveriesPayload(
                    List.of(),
                    List.of(FieldError.of(
                            "ids",
                            ErrorCode.TOO_LONG,
                            "At most " + MAX_REPLAY + " ids at once, not " + ids.size() + ".")));
        }
        List<WebhookDelivery> replayed = store.replay(ids, Caller.current().name());
        Set<String> done = new HashSet<>();
        replayed.forEach(d -> done.add(d.id()));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!done.contains(ids.get(i))) {
                errors.add(FieldError.of(
                        "ids." + i,
                        ErrorCode.NOT_FOUND,
                        "No dead-lettered delivery has the id " + ids.get(i) + " (it may be pending or delivered)."));
            }
        }
        if (!replayed.isEmpty()) {
            dispatcher.wake();
        }
        return new ReplayWebhookDeliveriesPayload(replayed, errors);
    }
}
