package org.crmgraph.graph.filter;

import static org.crmgraph.graph.filter.FilterSchema.Kind.DATETIME;
import static org.crmgraph.graph.filter.FilterSchema.Kind.ENUM;
import static org.crmgraph.graph.filter.FilterSchema.Kind.ID;
import static org.crmgraph.graph.filter.FilterSchema.Kind.NUMBER;
import static org.crmgraph.graph.filter.FilterSchema.Kind.STRING;

/**
 * What each list may be filtered by, mirroring the schema's {@code ...Where} inputs. Properties a list is often
 * filtered by have an index (see the schema migrations): customer country and e-mail, order placedAt, status and channel,
 * ticket status, priority, channel, category and createdAt, product name and price.
 */
public final class FilterCatalogue {

    private FilterCatalogue() {}

    public static final FilterSchema CATEGORY = new FilterSchema("Category").property("name", STRING);

    public static final FilterSchema SEGMENT =
            new FilterSchema("Segment").property("id", ID, "toString(%1$s.id)").property("name", STRING, "%1$s.label");

    public static final FilterSchema CUSTOMER = new FilterSchema("Customer")
            .property("id", ID)
            .property("name", STRING)
            .property("email", STRING)
            .property("phone", STRING)
            .property("country", STRING)
            .property("city", STRING)
            .property("createdAt", DATETIME)
            .property("updatedAt", DATETIME)
            .property("rfm", STRING)
            .property("monetary", NUMBER)
            .property("frequency", NUMBER)
            .property("recencyDays", NUMBER)
            .property("lifetimeValue", NUMBER)
            .property("churnRisk", NUMBER)
            .property("sentimentRecent", NUMBER)
            .property("sentimentChange", NUMBER)
            .property("communityId", ID, "toString(%1$s.communityId)")
            .one("segment", "(%1$s)-[:IN_SEGMENT]->(%2$s:Segment)", () -> FilterCatalogue.SEGMENT)
            .many("orders", "(%1$s)-[:PLACED]->(%2$s:Order)", () -> FilterCatalogue.ORDER)
            .many(
                    "productsBought",
                    "(%1$s)-[:PLACED]->(:Order)-[:CONTAINS]->(%2$s:Product)",
                    () -> FilterCatalogue.PRODUCT)
            .many("tickets", "(%1$s)-[:RAISED]->(%2$s:Ticket)", () -> FilterCatalogue.TICKET);

    public static final FilterSchema PRODUCT = new FilterSchema("Product")
            .property("sku", ID)
            .property("name", STRING)
            .property("price", NUMBER)
            .property("currencyCode", STRING, "%1$s.currency")
            .property("createdAt", DATETIME)
            .one("category", "(%1$s)-[:IN_CATEGORY]->(%2$s:Category)", () -> FilterCatalogue.CATEGORY)
            .many("buyers", "(%1$s)<-[:CONTAINS]-(:Order)<-[:PLACED]-(%2$s:Customer)", () -> FilterCatalogue.CUSTOMER);

    public static final FilterSchema ORDER = new FilterSchema("Order")
            .property("id", ID)
            .property("status", ENUM)
            .property("channel", ENUM)
            .property("placedAt", DATETIME)
            .property("total", NUMBER)
            .property("currencyCode", STRING, "%1$s.currency")
            .one("customer", "(%1$s)<-[:PLACED]-(%2$s:Customer)", () -> FilterCatalogue.CUSTOMER)
            .many("products", "(%1$s)-[:CONTAINS]->(%2$s:Product)", () -> FilterCatalogue.PRODUCT);

    public static final FilterSchema TICKET = new FilterSchema("Ticket")
            .property("id", ID)
            .property("status", ENUM)
            .property("priority", ENUM)
            .property("channel", ENUM)
            .property("category", STRING)
            .property("predictedCategory", STRING)
            .property("sentiment", ENUM)
            .property("sentimentConfidence", NUMBER)
            .property("subject", STRING)
            .property("body", STRING)
            .property("createdAt", DATETIME)
            .property("updatedAt", DATETIME)
            .property("resolvedAt", DATETIME)
            .one("customer", "(%1$s)<-[:RAISED]-(%2$s:Customer)", () -> FilterCatalogue.CUSTOMER)
            .one("product", "(%1$s)-[:ABOUT]->(%2$s:Product)", () -> FilterCatalogue.PRODUCT)
            .one("resolvedBy", "(%1$s)-[:RESOLVED_BY]->(%2$s:Article)", () -> FilterCatalogue.ARTICLE);

    public static final FilterSchema ARTICLE = new FilterSchema("Article")
            .property("id", ID)
            .property("title", STRING)
            .property("updatedAt", DATETIME);
}
