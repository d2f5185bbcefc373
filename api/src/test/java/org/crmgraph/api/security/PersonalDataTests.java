package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTests {

    @Test
    void masksKeepOnlyWhatTellsRecordsApart() {
        assertThat(PersonalData.NAME.mask("Jane  van Dijk")).isEqualTo("J. v. D.");
        assertThat(PersonalData.NAME.mask("Élodie")).isEqualTo("É.");
        assertThat(PersonalData.EMAIL.mask("jane.doe@mail.example.co.uk")).isEqualTo("j•••@m•••.uk");
        assertThat(PersonalData.EMAIL.mask("broken")).isEqualTo("•••");
        assertThat(PersonalData.PHONE.mask("+442079460958")).isEqualTo("+••••••••••58");
        assertThat(PersonalData.PHONE.mask("7")).isEqualTo("7");
        assertThat(PersonalData.ADDRESS.mask("London")).isEqualTo("•••");
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        assertThat(PersonalData.EMAIL.maskValue(null)).isNull();
        assertThat(PersonalData.EMAIL.maskValue("")).isEqualTo("");
    }
}
