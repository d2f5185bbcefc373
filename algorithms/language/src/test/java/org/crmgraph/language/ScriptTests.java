package org.crmgraph.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptTests {

    @Test
    void textGoesToTheModelOfItsScript() {
        assertThat(Script.of("Where is my parcel?")).isEqualTo(Script.LATIN);
        assertThat(Script.of("Où est mon colis? Ça fait trois jours")).isEqualTo(Script.LATIN);
        assertThat(Script.of("12345 ???")).isEqualTo(Script.LATIN);
        assertThat(Script.of("我的包裹在哪里？")).isEqualTo(Script.CHINESE);
        // a product code in a Chinese sentence keeps it Chinese
        assertThat(Script.of("订单 A-100 的发票在哪里下载？")).isEqualTo(Script.CHINESE);
        assertThat(Script.of("Где моя посылка?")).isEqualTo(Script.OTHER);
        // Japanese mixes kanji with kana: not Chinese
        assertThat(Script.of("荷物はどこですか")).isEqualTo(Script.OTHER);
        assertThat(Script.of("택배가 어디에 있나요")).isEqualTo(Script.OTHER);
    }
}
