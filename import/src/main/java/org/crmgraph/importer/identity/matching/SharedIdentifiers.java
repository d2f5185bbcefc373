package org.crmgraph.importer.identity.matching;

import java.util.Set;

/**
 * E-mails and phones that several people use (a switchboard, {@code info@}, a family's landline), found as the
 * blocks of those identifiers whose records carry more distinct family names than a person has. Such an identifier
 * is no evidence: an equal value is compared as if missing, so clusters never chain through it.
 *
 * @param blocks the keys of the e-mail and phone blocks found shared ({@link BlockingKeys#key})
 */
public record SharedIdentifiers(Set<String> blocks) {

    public static final SharedIdentifiers NONE = new SharedIdentifiers(Set.of());

    boolean email(String email) {
        return !blocks.isEmpty() && blocks.contains(BlockingKeys.key(BlockingKeys.EMAIL, email));
    }

    boolean phone(String phone) {
        return !blocks.isEmpty() && blocks.contains(BlockingKeys.key(BlockingKeys.PHONE, phone));
    }
}
