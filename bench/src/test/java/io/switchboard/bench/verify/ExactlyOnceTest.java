package io.switchboard.bench.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ExactlyOnceTest {

    private static final UUID T1 = UUID.randomUUID();
    private static final UUID T2 = UUID.randomUUID();

    @Test
    void holdsWhenEveryActionableMentionIsInOneTicketAndTheOthersInNone() {
        ExactlyOnce check = ExactlyOnce.judge(Set.of("m1", "m2", "m3"), Map.of("m1", true, "m2", true, "m3", false),
                Map.of("m1", List.of(T1), "m2", List.of(T2)), 2, 2, 0, 0.1);

        assertThat(check.holds()).isTrue();
        assertThat(check.inExactlyOne()).isEqualTo(2);
        assertThat(check.notActionable()).isEqualTo(1);
    }

    @Test
    void aLostMentionBreaksIt() {
        ExactlyOnce check = ExactlyOnce.judge(Set.of("m1", "m2"), Map.of("m1", true, "m2", true), Map.of("m1", List.of(T1)), 1, 1, 0, 0.1);

        assertThat(check.holds()).isFalse();
        assertThat(check.lost()).isEqualTo(1);
        assertThat(check.verdict()).isEqualTo("BROKEN");
    }

    @Test
    void aMentionInTwoTicketsOrTwiceInOneBreaksIt() {
        ExactlyOnce several = ExactlyOnce.judge(Set.of("m1"), Map.of("m1", true), Map.of("m1", List.of(T1, T2)), 2, 2, 0, 0.1);
        ExactlyOnce repeated = ExactlyOnce.judge(Set.of("m1"), Map.of("m1", true), Map.of("m1", List.of(T1, T1)), 1, 1, 0, 0.1);

        assertThat(several.holds()).isFalse();
        assertThat(several.inSeveralTickets()).isEqualTo(1);
        assertThat(repeated.holds()).isFalse();
        assertThat(repeated.repeatedInTicket()).isEqualTo(1);
    }

    @Test
    void aMissingMentionIsUndecidedWhileTicketServiceHasSomeToConsume() {
        ExactlyOnce check = ExactlyOnce.judge(Set.of("m1", "m2"), Map.of("m1", true, "m2", true), Map.of("m1", List.of(T1)), 1, 1, 5, 0.1);

        assertThat(check.holds()).isFalse();
        assertThat(check.verdict()).isEqualTo("UNDECIDED");
    }

    @Test
    void aSampleIsJudgedByTheTicketsListed() {
        Set<String> accepted = Set.of("m1", "m2", "m3");
        Map<String, Boolean> verdicts = Map.of("m1", true, "m2", true, "m3", true);

        ExactlyOnce allListed = ExactlyOnce.judge(accepted, verdicts, Map.of("m1", List.of(T1)), 3, 1, 0, 0.1);
        ExactlyOnce oneMissing = ExactlyOnce.judge(accepted, verdicts, Map.of("m1", List.of(T1)), 2, 1, 0, 0.1);

        assertThat(allListed.complete()).isFalse();
        assertThat(allListed.holds()).isTrue();
        assertThat(oneMissing.holds()).isFalse();
        assertThat(oneMissing.lost()).isEqualTo(1);
    }

    @Test
    void aNotActionableMentionInATicketBreaksIt() {
        ExactlyOnce check = ExactlyOnce.judge(Set.of("m1"), Map.of("m1", false), Map.of("m1", List.of(T1)), 1, 1, 0, 0.1);

        assertThat(check.holds()).isFalse();
        assertThat(check.notActionableTicketed()).isEqualTo(1);
    }

    @Test
    void countsTicketsOfMentionsTheDriverNeverSawAccepted() {
        ExactlyOnce check = ExactlyOnce.judge(Set.of("m1"), Map.of("m1", true), Map.of("m1", List.of(T1), "m9", List.of(T2)), 2, 2, 0, 0.1);

        assertThat(check.holds()).isTrue();
        assertThat(check.ticketedNotAccepted()).isEqualTo(1);
    }
}
