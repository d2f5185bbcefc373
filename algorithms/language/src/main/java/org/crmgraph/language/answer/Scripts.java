package org.crmgraph.language.answer;

/**
 * The embedding model was trained on English. A question written mostly in another script (Cyrillic, CJK,
 * Arabic...) gets near-random neighbours, so it is escalated instead of answered with false confidence.
 */
final class Scripts {

    private Scripts() {}

    /** True when at least half of the letters are Latin; a text without letters counts as Latin. */
    static boolean mostlyLatin(String text) {
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        return letters == 0 || latin * 2 >= letters;
    }
}
