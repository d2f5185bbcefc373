package org.crmgraph.importer.identity.matching;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

/**
 * One field of two person records side by side, as a level from {@code 0} (they disagree) up to the last (they are
 * equal); {@link #MISSING} when either record lacks the field, which is no evidence either way. Each level has a
 * name for the evidence shown to data stewards. Thresholds follow Splink's defaults for names (Jaro-Winkler 0.92
 * and 0.80).
 */
public enum Comparison {
    GIVEN_NAME(List.of("DIFFERENT", "SIMILAR", "CLOSE_OR_NICKNAME", "EXACT")) {
        @Override
        int level(PersonRecord a, PersonRecord b) {
            return nameLevel(a.givenName(), b.givenName(), true);
        }
    },
    FAMILY_NAME(List.of("DIFFERENT", "SIMILAR", "CLOSE", "EXACT")) {
        @Override
        int level(PersonRecord a, PersonRecord b) {
            return nameLevel(a.familyName(), b.familyName(), false);
        }
    },
    BIRTH_DATE(List.of("DIFFERENT", "NEAR", "TYPO_OR_SWAPPED_DAY_MONTH", "EXACT")) {
        @Override
        int level(PersonRecord a, PersonRecord b) {
            String x = a.birthDate();
            String y = b.birthDate();
            if (x == null || y == null) {
                return MISSING;
            }
            if (x.equals(y)) {
                return 3;
            }
            if (x.length() == 8 && y.length() == 8) {
                boolean swapped = x.substring(0, 4).equals(y.substring(0, 4))
                        && x.substring(4, 6).equals(y.substring(6, 8))
                        && x.substring(6, 8).equals(y.substring(4, 6));
                int distance = LEVENSHTEIN.apply(x, y);
                if (swapped || distance == 1) {
                    return 2;
                }
                if (distance == 2) {
                    return 1;
                }
            }
            return 0;
        }
    },
    STREET(List.of("DIFFERENT", "SIMILAR", "CLOSE", "EXACT")) {
        @Override
        int level(PersonRecord a, PersonRecord b) {
            String x = a.street();
            String y = b.street();
            if (x == null || y == null) {
                return MISSING;
            }
            if (x.equals(y)) {
                return 3;
            }
            String n = a.streetNumber();
            boolean sameNumber = n != null && n.equals(b.streetNumber());
            Set<String> wx = words(x);
            Set<String> wy = words(y);
            // one record has a second line (a building, a locality) the other lacks
            boolean contained = wx.containsAll(wy) || wy.containsAll(wx);
            double similarity = JARO_WINKLER.apply(x, y);
            if ((sameNumber || n == null) && (contained || similarity >= 0.92)) {
                return 2;
            }
            if (sameNumber || similarity >= 0.85 || contained) {
                return 1;
            }
            return 0;
        }
    },
    POSTCODE(List.of("DIFFERENT", "ONE_CHARACTER", "EXACT")) {
        @Override
        int level(PersonRecord a, PersonRecord b) {
            String x = a.postcode();
            String y = b.postcode();
            if (x == null || y == null) {
                return MISSING;
            }
            return x.equals(y) ? 2 : LEVENSHTEIN.apply(x, y) == 1 ? 1 : 0;
        }
    },
    CITY(List.of("DIFFERENT", "SIMILAR", "EXACT")) {
        @Override
        int level(PersonRecord a, PersonRecord b) {
            String x = a.city();
            String y = b.city();
            if (x == null || y == null) {
                return MISSING;
            }
            return x.equals(y) ? 2 : JARO_WINKLER.apply(x, y) >= 0.88 ? 1 : 0;
        }
    },
    REGION(List.of("DIFFERENT", "EXACT")) {
        @Override
        int level(PersonRecord a, PersonRecord b) {
            return exact(a.region(), b.region());
        }
    },
    EMAIL(List.of("DIFFERENT", "EXACT")) {
        @Override
        int level(PersonRecord a, PersonRecord b) {
            return exact(a.email(), b.email());
        }
    },
    PHONE(List.of("DIFFERENT", "EXACT")) {
        @Override
        int level(PersonRecord a, PersonRecord b) {
            return exact(a.phone(), b.phone());
        }
    };

    /** Either record lacks the field. */
    public static final int MISSING = -1;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private final List<String> levels;

    Comparison(List<String> levels) {
        this.levels = levels;
    }

    /** The level of the two records on this field, or {@link #MISSING}. */
    abstract int level(PersonRecord a, PersonRecord b);

    /** Level names, from disagreement to equality. */
    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    private static int nameLevel(@Nullable String x, @Nullable String y, boolean nicknames) {
        if (x == null || y == null) {
            return MISSING;
        }
        if (x.equals(y)) {
            return 3;
        }
        double similarity = JARO_WINKLER.apply(x, y);
        if (similarity >= 0.92 || nicknames && Nicknames.same(x, y)) {
            return 2;
        }
        boolean initial = x.length() == 1 && y.startsWith(x) || y.length() == 1 && x.startsWith(y);
        if (similarity >= 0.80 || initial || METAPHONE.isDoubleMetaphoneEqual(x, y)) {
            return 1;
        }
        return 0;
    }

    private static int exact(@Nullable String x, @Nullable String y) {
        if (x == null || y == null) {
            return MISSING;
        }
        return x.equals(y) ? 1 : 0;
    }

    private static Set<String> words(String text) {
        return new TreeSet<>(List.of(text.split(" ")));
    }

    /**
     * Whether two full names cannot be one person's: given and family name both disagree (a changed family name
     * with the same given name, or a typo, is not a conflict). Guards exact e-mail and phone matches against the
     * identifiers several people share.
     */
    public static boolean namesConflict(@Nullable String nameA, @Nullable String nameB) {
        if (nameA == null || nameB == null) {
            return false;
        }
        PersonRecord a = PersonRecord.of("a", "a", java.util.Map.of("name", nameA));
        PersonRecord b = PersonRecord.of("b", "b", java.util.Map.of("name", nameB));
        int given = GIVEN_NAME.level(a, b);
        int family = FAMILY_NAME.level(a, b);
        if (given == MISSING && family == MISSING) {
            return false;
        }
        boolean swapped = GIVEN_NAME.level(a, b.swapped()) >= 2 && FAMILY_NAME.level(a, b.swapped()) >= 2;
        return !swapped && given <= 0 && family <= 0;
    }

    /** Double Metaphone's primary code, for blocking. */
    static String phonetic(String name) {
        return METAPHONE.doubleMetaphone(name.replace(" ", ""));
    }
}
