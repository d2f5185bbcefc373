package org.crmgraph.analytics.similarity;

/**
 * A product popular in a group of customers (a community, a country, everyone).
 *
 * @param buyers how many of the group bought it
 * @param share  buyers / group size
 * @param lift   share in the group / share among all customers: above 1, the group likes it more than most
 */
public record Favourite(String sku, int buyers, double share, double lift) {}
