package org.crmgraph.graph.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.event.OrderPlaced;
import org.crmgraph.graph.money.MoneyProperties;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.validation.Checks;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.springframework.stereotype.Service;

@Service
public class OrderService {

    /** Channels an order can come through. */
    public static final Set<String> CHANNELS = java.util.Arrays.stream(org.crmgraph.graph.interaction.Channel.values())
            .map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final int MAX_LINES = 500;

    private final OrderRepository orders;
    private final PagingProperties paging;
    private final MoneyProperties money;
    private final Outbox outbox;
    private final DomainEvents events;

    OrderService(
            OrderRepository orders,
            PagingProperties paging,
            MoneyProperties money,
            Outbox outbox,
            DomainEvents events) {
        this.orders = orders;
        this.paging = paging;
        this.money = money;
        this.outbox = outbox;
        this.events = events;
    }

    public Optional<Order> find(String id) {
        return Optional.ofNullable(orders.findByIds(List.of(id)).get(id));
    }

    public Map<String, Order> findAll(Collection<String> ids) {
        return orders.findByIds(ids);
    }

    /** A page of the list; {@code where} is the filter language of {@link org.crmgraph.graph.filter.Where}. */
    public Page<Order> page(
            OrderFilter filter, Map<String, ?> where, OrderSort sort, boolean descending, PageRequest request) {
        return orders.page(
                filter == null ? OrderFilter.NONE : filter,
                where,
                List.of(new SortOrder(sort.key(), descending)),
                request);
    }

    /** A page sorted by several keys, the first deciding first. */
    public Page<Order> page(OrderFilter filter, Map<String, ?> where, List<SortOrder> sorting, PageRequest request) {
        return orders.page(filter == null ? OrderFilter.NONE : filter, where, sorting, request);
    }

    /** Orders in groups (see {@code OrderRepository.groups}); at most {@code limit} groups. */
    public List<org.crmgraph.graph.filter.Group> groups(
            OrderFilter filter,
            Map<String, ?> where,
            List<OrderGrouping> by,
            org.crmgraph.graph.filter.TimeBucket period,
            int limit) {
        return orders.groups(
                filter == null ? OrderFilter.NONE : filter,
                where,
                by == null ? List.of() : by,
                period,
                money.defaultCurrency(),
                limit);
    }

    /** Newest orders first, at most the nested-list limit per customer. */
    public Map<String, List<Order>> ofCustomers(Collection<String> customerIds) {
        return orders.ofCustomers(customerIds, paging.nestedListLimit());
    }

    /**
     * A customer with their orders (newest first) and each order's lines, as {@link #ofCustomers} and {@link #lines}
     * give them, read in one transaction: for a client that asks for all three at once.
     */
    public Optional<CustomerOrders> customerWithOrders(String customerId) {
        return orders.customerWithOrders(customerId, paging.nestedListLimit());
    }

    /**
     * A page of customers (the customer list's conditions) with each one's orders, newest first, as
     * {@link #ofCustomers} gives them, in one statement; {@link CustomerOrders#lines()} is empty.
     */
    public Page<CustomerOrders> customersWithOrders(
            KeysetQuery.Conditions conditions, List<SortOrder> sorting, PageRequest request) {
        return orders.customersWithOrders(conditions, sorting, request, paging.nestedListLimit());
    }

    public Map<String, List<OrderLine>> lines(Collection<String> orderIds) {
        return orders.lines(orderIds, paging.nestedListLimit());
    }

    /** Units of the product each of the customers bought, over all their orders; absent for none. */
    public Map<String, Long> unitsBought(String sku, Collection<String> customerIds) {
        return orders.unitsBought(sku, customerIds);
    }

    /** Biggest buyers first, at most the nested-list limit per product. */
    public List<Buyer> buyers(Collection<String> skus) {
        return orders.buyers(skus, paging.nestedListLimit());
    }

    /**
     * Places an order at today's prices. Lines naming the same SKU are added up. The checks and the
     * write run in one transaction, so a product deleted meanwhile cannot leave half an order.
     */
    public Outcome<Order> place(PlaceOrderInput input) {
        Checks checks = new Checks();
        String customerId = checks.text("customerId", input.customerId(), 100, true);
        String channel = checks.text("channel", input.channel(), 20, false);
        if (channel != null) {
            channel = channel.toUpperCase(Locale.ROOT);
            if (!CHANNELS.contains(channel)) {
                checks.add("channel", ErrorCode.INVALID_FORMAT, "channel must be one of " + CHANNELS + ".");
            }
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<PlaceOrderInput.Line> lines = input.lines() == null ? List.of() : input.lines();
        if (lines.isEmpty()) {
            checks.add("lines", ErrorCode.REQUIRED, "An order needs at least one line.");
        } else if (lines.size() > MAX_LINES) {
            checks.add("lines", ErrorCode.OUT_OF_RANGE, "An order can have at most " + MAX_LINES + " lines.");
        }
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            String sku = checks.code("lines." + i + ".sku", lines.get(i).sku(), 64, true);
            Integer quantity =
                    checks.positive("lines." + i + ".quantity", lines.get(i).quantity());
            if (sku != null && quantity != null) {
                quantities.merge(sku, quantity, Integer::sum);
                firstIndex.putIfAbsent(sku, i);
            }
        }
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", UUID.randomUUID().toString());
        parameters.put("customerId", customerId);
        parameters.put("placedAt", input.placedAt());
        parameters.put("channel", channel == null ? "WEB" : channel);
        parameters.put(
                "lines",
                quantities.entrySet().stream()
                        .map(e -> Map.<String, Object>of("sku", e.getKey(), "quantity", e.getValue()))
                        .toList());
        List<String> skus = List.copyOf(quantities.keySet());
        return orders.cypher().inWrite(tx -> {
            OrderRepository.Missing missing = OrderRepository.missing(tx, customerId, skus);
            List<FieldError> errors = new ArrayList<>();
            if (!missing.customerExists()) {
                errors.add(
                        FieldError.of("customerId", ErrorCode.NOT_FOUND, "No customer has id '" + customerId + "'."));
            }
            for (String sku : missing.skus()) {
                errors.add(FieldError.of(
                        "lines." + firstIndex.get(sku) + ".sku",
                        ErrorCode.NOT_FOUND,
                        "No product has SKU '" + sku + "'."));
            }
            for (String sku : missing.unpricedSkus()) {
                errors.add(FieldError.of(
                        "lines." + firstIndex.get(sku) + ".sku",
                        ErrorCode.INVALID_STATE,
                        "Product '" + sku + "' has no price and cannot be ordered; give it one with updateProduct."));
            }
            // one order, one currency: the first line's decides, a line priced in another one is refused
            String currency = null;
            for (String sku : skus) {
                if (!missing.currencies().containsKey(sku)) {
                    continue;
                }
                String own = money.currencyOr(missing.currencies().get(sku));
                if (currency == null) {
                    currency = own;
                } else if (!currency.equals(own)) {
                    errors.add(FieldError.of(
                            "lines." + firstIndex.get(sku) + ".sku",
                            ErrorCode.INVALID_STATE,
                            "Product '" + sku + "' is priced in " + own + ", the order's earlier lines in " + currency
                                    + "; place one order per currency."));
                }
            }
            parameters.put("currency", currency == null ? money.defaultCurrency() : currency);
            if (!errors.isEmpty()) {
                return Outcome.<Order>failure(errors);
            }
            Order order = OrderRepository.place(tx, parameters);
            outbox.record(tx, new OrderPlaced(order.id(), customerId, events.now()));
            return Outcome.success(order);
        });
    }
}
