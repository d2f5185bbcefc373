package org.crmgraph.importer.identity.matching;

/**
 * Two records compared on every field ({@link Comparison} order). Names written the other way round in one record
 * (family name in the given-name column) are compared crosswise when that fits much better.
 *
 * @param levels       per comparison, its level or {@link Comparison#MISSING}
 * @param namesSwapped the names matched only crosswise
 */
public record PairComparison(int[] levels, boolean namesSwapped) {

    private static final Comparison[] ALL = Comparison.values();

    public static PairComparison of(PersonRecord a, PersonRecord b, SharedIdentifiers shared) {
        int[] levels = new int[ALL.length];
        for (Comparison comparison : ALL) {
            levels[comparison.ordinal()] = comparison.level(a, b);
        }
        boolean swapped = false;
        int given = Comparison.GIVEN_NAME.ordinal();
        int family = Comparison.FAMILY_NAME.ordinal();
        if (levels[given] < 3 || levels[family] < 3) {
            PersonRecord turned = b.swapped();
            int crossGiven = Comparison.GIVEN_NAME.level(a, turned);
            int crossFamily = Comparison.FAMILY_NAME.level(a, turned);
            if (crossGiven >= 2 && crossFamily >= 2 && crossGiven + crossFamily > levels[given] + levels[family]) {
                levels[given] = crossGiven;
                levels[family] = crossFamily;
                swapped = true;
            }
        }
        if (a.email() != null && shared.email(a.email()) || b.email() != null && shared.email(b.email())) {
            levels[Comparison.EMAIL.ordinal()] = Comparison.MISSING;
        }
        if (a.phone() != null && shared.phone(a.phone()) || b.phone() != null && shared.phone(b.phone())) {
            levels[Comparison.PHONE.ordinal()] = Comparison.MISSING;
        }
        return new PairComparison(levels, swapped);
    }

    /**
     * Both records name the person and the given names disagree outright (no typo, nickname or initial explains it):
     * twins at one address, or a parent and child of the same name and address, look like this. However strong the
     * rest, such a pair is left to a data steward.
     */
    public boolean givenNamesConflict() {
        return levels[Comparison.GIVEN_NAME.ordinal()] == 0;
    }
}
