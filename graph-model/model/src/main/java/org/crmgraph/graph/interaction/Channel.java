package org.crmgraph.graph.interaction;

/** Where a customer reached us, or we reached them. */
public enum Channel {
    EMAIL,
    WEB,
    CHAT,
    PHONE,
    SOCIAL,
    STORE,
    /** a marketplace (orders) */
    MARKETPLACE,
    OTHER
}
