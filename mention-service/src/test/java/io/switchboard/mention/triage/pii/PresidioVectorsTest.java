package io.switchboard.mention.triage.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;

/**
 * Every vector of presidio's recognizer tests (src/test/resources/pii-test-vectors, MIT, read
 * verbatim): the same number of findings at the same spans, for each recognizer on its own as
 * presidio tests them.
 */
class PresidioVectorsTest {

    /** presidio's PhoneRecognizer.DEFAULT_SUPPORTED_REGIONS, as its tests use them. */
    private static final List<String> PRESIDIO_REGIONS = List.of("US", "UK", "DE", "FE", "IL", "IN", "CA", "BR");

    static Stream<Arguments> creditCards() {
        return rows("test_credit_card_recognizer.py", "test_when_all_credit_cards_then_succeed", 3);
    }

    static Stream<Arguments> emails() {
        return rows("test_email_recognizer.py", "test_when_all_email_addresses_then_succeed", 2);
    }

    static Stream<Arguments> ibans() {
        return rows("test_iban_recognizer.py", "test_when_all_ibans_then_succeed", 2);
    }

    static Stream<Arguments> ssns() {
        return rows("test_us_ssn_recognizer.py", "test_when_snn_in_text_than_all_us_ssns_are_found", 2);
    }

    static Stream<Arguments> phones() {
        return rows("test_phone_recognizer.py", "test_when_all_phones_then_succeed", 3);
    }

    static Stream<Arguments> phonesWithExplanation() {
        return rows("test_phone_recognizer.py", "test_when_phone_with_textual_explanation_then_succeed", 3);
    }

    static Stream<Arguments> phonesByLeniency() {
        return PresidioVectors.read("test_phone_recognizer.py").get("test_when_phone_with_leniency_then_succeed")
                .stream().map(r -> Arguments.of(r.get(0), r.get(1), r.get(3), r.get(5)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("creditCards")
    void paymentCards(String text, int expectedCount, Object spans) {
        assertFinds(new PaymentCardRecognizer(), text, expectedCount, spans);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("emails")
    void emailAddresses(String text, int expectedCount, Object spans) {
        assertFinds(new EmailRecognizer(), text, expectedCount, spans);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("ibans")
    void ibans(String text, int expectedCount, Object spans) {
        assertFinds(new IbanRecognizer(), text, expectedCount, spans);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("ssns")
    void usSocialSecurityNumbers(String text, int expectedCount, Object spans) {
        assertFinds(new UsSsnRecognizer(), text, expectedCount, spans);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("phones")
    void phoneNumbers(String text, int expectedCount, Object spans) {
        List<String> regions = Stream.concat(PRESIDIO_REGIONS.stream(), Stream.of("JP", "CN")).toList();
        assertFinds(new PhoneRecognizer(regions, Leniency.VALID), text, expectedCount, spans);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("phonesWithExplanation")
    void internationalPhoneNumbers(String text, int expectedCount, Object spans) {
        assertFinds(new PhoneRecognizer(PRESIDIO_REGIONS, Leniency.VALID), text, expectedCount, spans);
    }

    @ParameterizedTest(name = "[{index}] leniency {3}: {0}")
    @MethodSource("phonesByLeniency")
    void phoneNumbersByLeniency(String text, int expectedCount, Object spans, int leniency) {
        assertFinds(new PhoneRecognizer(PRESIDIO_REGIONS, Leniency.values()[leniency]), text, expectedCount, spans);
    }

    private static Stream<Arguments> rows(String file, String test, int spansColumn) {
        List<List<Object>> table = PresidioVectors.read(file).get(test);
        assertThat(table).as(file + " " + test).isNotEmpty();
        return table.stream().map(r -> Arguments.of(r.get(0), r.get(1), r.get(spansColumn)));
    }

    private static void assertFinds(Recognizer recognizer, String text, int expectedCount, Object expectedSpans) {
        List<PiiSpan> found = recognizer.find(text);
        assertThat(found).as("findings in '%s': %s", text, found).hasSize(expectedCount);
        List<int[]> spans = PresidioVectors.spans(expectedSpans);
        for (int i = 0; i < spans.size(); i++) {
            assertThat(new int[] {found.get(i).start(), found.get(i).end()}).as("span %d of '%s'", i, text)
                    .containsExactly(spans.get(i));
        }
    }
}
