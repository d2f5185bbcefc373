package org.crmgraph.importer.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmgraph.graph.privacy.Tombstones;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Which people of a batch were erased: their source key, e-mail or phone has a tombstone. Rows about them are left
 * out whole, by bulk imports and streaming alike, so nothing about an erased person is written again.
 */
public final class ErasedPeople {

    private final Tombstones tombstones;
    private final Set<String> erasedHashes;

    private ErasedPeople(Tombstones tombstones, Set<String> erasedHashes) {
        this.tombstones = tombstones;
        this.erasedHashes = erasedHashes;
    }

    /** Looks the people's identifiers up among the tombstones, in the caller's transaction. */
    public static ErasedPeople among(SimpleQueryRunner tx, Tombstones tombstones, Collection<Person> people) {
        Set<String> hashes = new HashSet<>();
        for (Person person : people) {
            if (person != null) {
                hashes.add(tombstones.hash(Tombstones.Kind.SOURCE_KEY, person.key()));
                hashes.add(tombstones.hash(Tombstones.Kind.EMAIL, person.email()));
                hashes.add(tombstones.hash(Tombstones.Kind.PHONE, person.phone()));
            }
        }
        hashes.remove(null);
        return new ErasedPeople(tombstones, tombstones.erased(tx, List.copyOf(hashes)));
    }

    public boolean contains(Person person) {
        return person != null
                && !erasedHashes.isEmpty()
                && (erasedHashes.contains(tombstones.hash(Tombstones.Kind.SOURCE_KEY, person.key()))
                        || erasedHashes.contains(tombstones.hash(Tombstones.Kind.EMAIL, person.email()))
                        || erasedHashes.contains(tombstones.hash(Tombstones.Kind.PHONE, person.phone())));
    }
}
