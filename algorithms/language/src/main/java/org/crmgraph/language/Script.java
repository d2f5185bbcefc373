package org.crmgraph.language;

/**
 * The writing system a text is mostly in, which decides the model that reads it: Latin script goes to the English
 * models, Chinese characters to the Chinese ones, and anything else (Cyrillic, Arabic, Japanese kana, Hangul...)
 * to a person, since no model here reads it.
 */
public enum Script {
    LATIN,
    CHINESE,
    OTHER;

    /**
     * Latin when at least half of the letters are Latin (or there are none); Chinese when at least half are Han
     * ideographs and no kana or Hangul appear (Japanese and Korean also use them); otherwise other.
     */
    public static Script of(String text) {
        int letters = 0;
        int latin = 0;
        int han = 0;
        boolean kanaOrHangul = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            switch (Character.UnicodeScript.of(cp)) {
                case LATIN -> latin++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA, HANGUL -> kanaOrHangul = true;
                default -> {}
            }
        }
        if (letters == 0 || latin * 2 >= letters) {
            return LATIN;
        }
        return han * 2 >= letters && !kanaOrHangul ? CHINESE : OTHER;
    }
}
