package org.crmgraph.importer.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison levels of the typical messy-record cases, one field at a time. */
class ComparisonTests {

    private static PersonRecord person(String... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return PersonRecord.of("k" + pairs.length, "c", values);
    }

    private static String level(Comparison comparison, PersonRecord a, PersonRecord b) {
        PairComparison pair = PairComparison.of(a, b, SharedIdentifiers.NONE);
        int level = pair.levels()[comparison.ordinal()];
        return level == Comparison.MISSING ? "MISSING" : comparison.levels().get(level);
    }

    @Test
    void namesForgiveTyposNicknamesAndInitialsButNotOtherNames() {
        PersonRecord jon = person("givenName", "Jon", "familyName", "Smith");
        assertThat(level(Comparison.GIVEN_NAME, jon, person("givenName", "JON", "familyName", "Smith")))
                .isEqualTo("EXACT");
        assertThat(level(Comparison.GIVEN_NAME, jon, person("givenName", "John", "familyName", "Smith")))
                .isEqualTo("CLOSE_OR_NICKNAME");
        assertThat(level(
                        Comparison.GIVEN_NAME,
                        person("givenName", "William", "familyName", "Smith"),
                        person("givenName", "Bill", "familyName", "Smith")))
                .isEqualTo("CLOSE_OR_NICKNAME");
        assertThat(level(Comparison.GIVEN_NAME, jon, person("givenName", "J", "familyName", "Smith")))
                .isEqualTo("SIMILAR");
        assertThat(level(Comparison.GIVEN_NAME, jon, person("givenName", "Emma", "familyName", "Smith")))
                .isEqualTo("DIFFERENT");
        assertThat(level(Comparison.FAMILY_NAME, jon, person("givenName", "Jon", "familyName", "Smyth")))
                .isIn("CLOSE", "SIMILAR");
        assertThat(level(Comparison.FAMILY_NAME, jon, person("givenName", "Jon", "familyName", "Jones")))
                .isEqualTo("DIFFERENT");
        assertThat(level(Comparison.FAMILY_NAME, jon, person("givenName", "Jon")))
                .isEqualTo("MISSING");
    }

    @Test
    void namesWrittenTheOtherWayRoundAreComparedCrosswise() {
        PairComparison pair = PairComparison.of(
                person("givenName", "Mason", "familyName", "Madeline"),
                person("givenName", "Madeline", "familyName", "Masno"),
                SharedIdentifiers.NONE);
        assertThat(pair.namesSwapped()).isTrue();
        assertThat(pair.levels()[Comparison.GIVEN_NAME.ordinal()]).isGreaterThanOrEqualTo(2);
        assertThat(MatchModel.defaults().evidence(pair).getFirst().level()).endsWith("_SWAPPED");
    }

    @Test
    void birthDatesForgiveSwappedDayAndMonthAndOneTypo() {
        PersonRecord born = person("birthDate", "1956-04-09");
        assertThat(level(Comparison.BIRTH_DATE, born, person("birthDate", "19560409")))
                .isEqualTo("EXACT");
        assertThat(level(Comparison.BIRTH_DATE, born, person("birthDate", "1956-09-04")))
                .isEqualTo("TYPO_OR_SWAPPED_DAY_MONTH");
        assertThat(level(Comparison.BIRTH_DATE, born, person("birthDate", "1956-04-08")))
                .isEqualTo("TYPO_OR_SWAPPED_DAY_MONTH");
        assertThat(level(Comparison.BIRTH_DATE, born, person("birthDate", "1965-04-09")))
                .isEqualTo("NEAR");
        assertThat(level(Comparison.BIRTH_DATE, born, person("birthDate", "1980-12-25")))
                .isEqualTo("DIFFERENT");
        // a LocalDate from the graph reads like its ISO text
        PersonRecord fromGraph = PersonRecord.of("k", "c", Map.of("birthDate", LocalDate.of(1956, 4, 9)));
        assertThat(level(Comparison.BIRTH_DATE, born, fromGraph)).isEqualTo("EXACT");
    }

    @Test
    void streetsCompareNumbersAndWordsWithCommonAbbreviations() {
        PersonRecord main = person("street", "12 Main Street");
        assertThat(level(Comparison.STREET, main, person("street", "12 main st.")))
                .isEqualTo("EXACT");
        assertThat(level(Comparison.STREET, main, person("street", "12 Main St, Riverside Village")))
                .isEqualTo("CLOSE");
        assertThat(level(Comparison.STREET, main, person("street", "12 Mian Street")))
                .isEqualTo("CLOSE");
        assertThat(level(Comparison.STREET, main, person("street", "12 Oak Avenue")))
                .isEqualTo("SIMILAR");
        assertThat(level(Comparison.STREET, main, person("street", "7 Wallaby Place")))
                .isEqualTo("DIFFERENT");
    }

    @Test
    void postcodesAndIdentifiers() {
        assertThat(level(Comparison.POSTCODE, person("postcode", "2119"), person("postcode", "2119")))
                .isEqualTo("EXACT");
        assertThat(level(Comparison.POSTCODE, person("postcode", "2119"), person("postcode", "2191")))
                .isEqualTo("DIFFERENT");
        assertThat(level(Comparison.POSTCODE, person("postcode", "2119"), person("postcode", "2118")))
                .isEqualTo("ONE_CHARACTER");
        assertThat(level(Comparison.POSTCODE, person("postcode", "2119"), person("city", "x")))
                .isEqualTo("MISSING");
        assertThat(level(Comparison.EMAIL, person("email", "a@x.com"), person("email", "A@x.com")))
                .isEqualTo("EXACT");
    }

    @Test
    void aSharedIdentifierIsNoEvidence() {
        PersonRecord a = person("email", "info@acme.com", "familyName", "Archer");
        PersonRecord b = person("email", "info@acme.com", "familyName", "Brown");
        var shared = new SharedIdentifiers(java.util.Set.of(BlockingKeys.key(BlockingKeys.EMAIL, "info@acme.com")));
        assertThat(PairComparison.of(a, b, SharedIdentifiers.NONE).levels()[Comparison.EMAIL.ordinal()])
                .isEqualTo(1);
        assertThat(PairComparison.of(a, b, shared).levels()[Comparison.EMAIL.ordinal()])
                .isEqualTo(Comparison.MISSING);
    }

    @Test
    void namesConflictOnlyWhenBothGivenAndFamilyNameDisagree() {
        assertThat(Comparison.namesConflict("Alice Archer", "Bob Brown")).isTrue();
        assertThat(Comparison.namesConflict("Mary Jones", "Mary Smith")).isFalse();
        assertThat(Comparison.namesConflict("Jon Smith", "John Smyth")).isFalse();
        assertThat(Comparison.namesConflict("Smith John", "John Smith")).isFalse();
        assertThat(Comparison.namesConflict(null, "Bob Brown")).isFalse();
    }

    @Test
    void blockingKeysHoldNoPersonalValueAndSurviveSwappedNames() {
        PersonRecord a = person("givenName", "Madeline", "familyName", "Mason", "postcode", "4818");
        PersonRecord b = person("givenName", "Mason", "familyName", "Madeline", "postcode", "4881");
        assertThat(BlockingKeys.of(a))
                .anySatisfy(key -> assertThat(BlockingKeys.of(b)).contains(key));
        assertThat(String.join(" ", BlockingKeys.of(a)))
                .doesNotContainIgnoringCase("mason")
                .doesNotContain("4818");
    }
}
