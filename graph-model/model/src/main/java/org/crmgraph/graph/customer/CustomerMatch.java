package org.crmgraph.graph.customer;

/**
 * How an upsert finds the customer it updates.
 *
 * @param by         which identifier decides
 * @param source     the source system, for {@link By#SOURCE_ID}
 * @param externalId the id that system gave the person, for {@link By#SOURCE_ID}
 */
public record CustomerMatch(By by, String source, String externalId) {

    public enum By {
        /** the customer with the input's e-mail address (e-mails are unique) */
        EMAIL,
        /** the customer with the input's phone number (E.164), when exactly one has it */
        PHONE,
        /** the customer another system's record with this id was resolved to */
        SOURCE_ID
    }
}
