package io.switchboard.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void languagesMatchOnTheirPrimarySubtag() {
        assertThat(Languages.primary("en-GB")).isEqualTo("en");
        assertThat(Languages.primary("ES")).isEqualTo("es");
        assertThat(Languages.primary(" pt-BR ")).isEqualTo("pt");
        assertThat(Languages.primaries(List.of("en-US", "en", "es-419"))).containsExactly("en", "es");
    }

    @Test
    void unknownOrMalformedTagsMeanUnknown() {
        assertThat(Languages.primary(null)).isNull();
        assertThat(Languages.primary("")).isNull();
        assertThat(Languages.primary("und")).isNull();
        assertThat(Languages.primary("<script>")).isNull();
        assertThat(Languages.primary("e")).isNull();
        assertThat(Languages.isValid("fr-CA")).isTrue();
    }
}
