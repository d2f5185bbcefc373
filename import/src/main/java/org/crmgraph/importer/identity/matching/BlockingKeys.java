package org.crmgraph.importer.identity.matching;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The keys that put a record in blocks with the records it may be a duplicate of: two records are compared only
 * when they share a key. Several keys, each on different fields, so one typo or one missing value does not hide a
 * duplicate: a name's sound with the postcode, the birth date alone, both names' sounds (in either order: swapped
 * names), the house number with the postcode, and e-mail and phone. (A family name's sound with the birth year found
 * 0.2% more of FEBRL's true pairs and, with common names, twenty more candidates per record: left out.)
 */
public final class BlockingKeys {

    /** The kinds of block an identifier (not a description of the person) makes. */
    public static final String EMAIL = "email";

    public static final String PHONE = "phone";

    private BlockingKeys() {}

    /**
     * A block's key: its kind, then the first 80 bits of the SHA-256 of kind and value. Blocks are nodes in the graph;
     * hashed, they hold no personal value for a reader of the graph to find.
     */
    public static String key(String kind, String value) {
        return kind + ":" + DigestUtils.sha256Hex(kind + ":" + value).substring(0, 20);
    }

    public static List<String> of(PersonRecord record) {
        List<String> keys = new ArrayList<>(8);
        String family = record.familyName() == null ? null : Comparison.phonetic(record.familyName());
        String given = record.givenName() == null ? null : Comparison.phonetic(record.givenName());
        String postcode = record.postcode();
        String birth = record.birthDate();
        if (family != null && given != null) {
            keys.add(key("names", family.compareTo(given) <= 0 ? family + "|" + given : given + "|" + family));
        }
        if (family != null && postcode != null) {
            keys.add(key("family-postcode", family + "|" + postcode));
        }
        if (given != null && postcode != null) {
            keys.add(key("given-postcode", given + "|" + postcode));
        }
        if (birth != null) {
            keys.add(key("birth", birth));
        }
        String number = record.streetNumber();
        if (number != null && postcode != null) {
            keys.add(key("number-postcode", number + "|" + postcode));
        }
        if (record.email() != null) {
            keys.add(key(EMAIL, record.email()));
        }
        if (record.phone() != null) {
            keys.add(key(PHONE, record.phone()));
        }
        return keys;
    }
}
