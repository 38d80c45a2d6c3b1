package io.switchboard.ticket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.BadRequestException;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripToTheMicrosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-25T21:30:01.123456Z"), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anythingElseIsABadRequest() {
        for (String bad : new String[] { "", "abc", "' OR 1=1 --", "MTIzfm5vdC1hLXV1aWQ", "%00" }) {
            assertThatThrownBy(() -> Cursor.decode(bad)).as(bad).isInstanceOf(BadRequestException.class);
        }
    }

    @Test
    void wildcardsInSearchTextAreLiteral() {
        assertThat(TicketSearch.likeEscaped("100%_off\\")).isEqualTo("100\\%\\_off\\\\");
    }
}
