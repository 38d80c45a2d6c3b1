package io.switchboard.mention.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Intent;
import io.switchboard.events.mention.PiiFinding;
import io.switchboard.events.mention.Sentiment;
import io.switchboard.events.mention.Triage;
import io.switchboard.mention.mention.Mention;

/** The triage rules that the labelled customer-care set has too few examples of, written out. */
class TriagerTest {

    private final Triager triager = new Triager(new BrandAccounts(List.of("@Acme_Help"), List.of("999")));

    private Triage triage(String text) {
        return triage(text, new Author("123", "customer", "A Customer", 150, false), false);
    }

    private Triage triage(String text, Author author, boolean repost) {
        return triager.assess(Mention.on(Channel.X).externalId("1").author(author).text(text).repost(repost).build());
    }

    @Test
    void theBrandsOwnPostsAreNotActionable() {
        Triage byHandle = triage("@customer sorry to hear that, please DM us your order number",
                new Author("555", "acme_help", "Acme Help", 90_000, true), false);
        Triage byId = triage("We are looking into the outage now",
                new Author("999", "renamed_account", null, null, false), false);

        assertThat(byHandle.actionable()).isFalse();
        assertThat(byHandle.reasons()).contains("brand-own-post");
        assertThat(byId.actionable()).isFalse();
    }

    @Test
    void repostsAreNotActionable() {
        Triage t = triage("RT @someone: my order never arrived @acme_help", new Author("1", "x", null, 10, false), true);

        assertThat(t.actionable()).isFalse();
        assertThat(t.reasons()).contains("repost");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Follow me and check out my profile for free followers!!! link in bio",
            "Crypto giveaway: send 1 bitcoin, get 2 back. Click here",
            "#win #free #promo #deal #sale #now #today great stuff"})
    void spamIsRecordedButNotActionable(String text) {
        Triage t = triage(text);

        assertThat(t.intent()).isEqualTo(Intent.SPAM);
        assertThat(t.spam()).isTrue();
        assertThat(t.actionable()).isFalse();
        assertThat(t.priorityScore()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"@acme_help thank you so much!", "@acme_help Thanks, you guys are awesome 😍",
            "@acme_help great job team, thanks for the quick help"})
    void thanksOnlyPraiseIsNotActionable(String text) {
        Triage t = triage(text);

        assertThat(t.intent()).isEqualTo(Intent.PRAISE);
        assertThat(t.sentiment().label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(t.actionable()).isFalse();
    }

    @Test
    void thanksWithAProblemIsStillAComplaint() {
        Triage t = triage("@acme_help thanks, but the app still crashes every time I open it");

        assertThat(t.intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(t.actionable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@acme_help my card was charged twice and nobody answers, this is ridiculous|COMPLAINT|NEGATIVE",
            "@acme_help how do I change the email on my account?|QUESTION|NEUTRAL",
            "@acme_help please cancel my subscription at the end of the month|REQUEST|NEUTRAL"})
    void intentAndSentiment(String text, Intent intent, Sentiment.Label sentiment) {
        Triage t = triage(text);

        assertThat(t.intent()).isEqualTo(intent);
        assertThat(t.sentiment().label()).isEqualTo(sentiment);
        assertThat(t.actionable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@acme_help mi pedido no ha llegado y nadie me ayuda con la cuenta|es",
            "@acme_help je ne peux pas me connecter à mon compte depuis hier|fr",
            "@acme_help ich kann mich seit gestern nicht mehr anmelden, bitte um Hilfe|de",
            "@acme_help o meu pedido não chegou e ninguém responde|pt",
            "@acme_help my order has not arrived and nobody is answering|en",
            "@acme_help 注文した商品がまだ届きません|ja",
            "@acme_help мой заказ так и не пришёл|ru"})
    void languages(String text, String language) {
        assertThat(triage(text).language()).isEqualTo(language);
    }

    @Test
    void tooShortToTellHasNoLanguage() {
        assertThat(triage("@acme_help PS4").language()).isNull();
    }

    @Test
    void personalDataIsFoundAndRedacted() {
        String text = "@acme_help refund to DE89 3704 0044 0532 0130 00 please, card 4111 1111 1111 1111, mail me at "
                + "jo.doe@example.com or call +44 20 7123 4567";

        Triage t = triage(text);

        assertThat(t.pii()).extracting(PiiFinding::type).containsExactly(PiiFinding.Type.IBAN,
                PiiFinding.Type.PAYMENT_CARD, PiiFinding.Type.EMAIL, PiiFinding.Type.PHONE);
        assertThat(t.redactedText()).isEqualTo(
                "@acme_help refund to [IBAN] please, card [PAYMENT_CARD], mail me at [EMAIL] or call [PHONE]");
        assertThat(t.reasons()).contains("contains-pii");
        PiiFinding email = t.pii().get(2);
        assertThat(text.substring(email.start(), email.end())).isEqualTo("jo.doe@example.com");
    }

    @Test
    void urgencyAndReachRaisePriority() {
        Triage quiet = triage("@acme_help my order is late");
        Triage urgent = triage("@acme_help my account was hacked and someone made unauthorized payments, urgent!");
        Triage loud = triage("@acme_help my order is late", new Author("7", "famous", null, 2_000_000, true), false);

        assertThat(urgent.urgent()).isTrue();
        assertThat(urgent.priorityScore()).isGreaterThan(quiet.priorityScore() + 20);
        assertThat(loud.priorityScore()).isGreaterThan(quiet.priorityScore());
        assertThat(loud.reasons()).contains("high-reach");
        assertThat(quiet.priorityScore()).isBetween(0, 100);
        assertThat(urgent.priorityScore()).isBetween(0, 100);
    }

    @Test
    void anEmptyMentionIsNotActionable() {
        assertThat(triage("@acme_help").actionable()).isFalse();
    }

    @Test
    void hostileTextIsJustText() {
        String xss = "<script>alert('x')</script><img src=x onerror=alert(1)> '; drop table mention; --";

        Triage t = triage(xss);

        assertThat(t.redactedText()).isEqualTo(xss);
    }
}
