package io.switchboard.ticket.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.switchboard.events.mention.PiiFinding;

/**
 * Detection against vectors from microsoft/presidio's recognizer tests (MIT, in the shared security
 * corpus), with presidio's expected spans, plus what an agent's reply must not trip over.
 */
class PersonalDataTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "info@presidio.site|EMAIL|0|18",
            "my email address is info@presidio.site|EMAIL|20|38",
            "user@xn--80ak6aa92e.com|EMAIL|0|23",
            "a@xn--d1acufc.xn--p1ai|EMAIL|0|22",
            "my email is user@xn--80ak6aa92e.com today|EMAIL|12|35",
            "4111111111111111|PAYMENT_CARD|0|16",
            "my credit card: 122000000000003|PAYMENT_CARD|16|31",
            "371449635398431|PAYMENT_CARD|0|15",
            "30569309025904|PAYMENT_CARD|0|14",
            "AL47212110090000000235698741|IBAN|0|28",
            "AL47 2121 1009 0000 0002 3569 8741|IBAN|0|34",
            "AD12 0001 2030 2003 5910 0100|IBAN|0|29",
            "078-05-1123|NATIONAL_ID|0|11",
            "abc 078 05 1123 abc|NATIONAL_ID|4|15",
            "_: (415)555-0132|PHONE|3|16",
            "US: 415-555-0132|PHONE|4|16",
            "Brazil: +55 11 98456 5666|PHONE|8|25",
            "My Japanese number is 090-1234-5678|PHONE|22|35",
            "My Israeli number is 09-7625400|PHONE|21|31",
    })
    void findsWhatPresidioFinds(String text, PiiFinding.Type type, int start, int end) {
        assertThat(PersonalData.find(text)).containsExactly(new PiiFinding(type, start, end));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1748503543012", // not a valid card number (presidio: none)
            "my credit card number is 4012-8888-8888-1882",
            "36168002586008",
            "my email is info@presidio.",
            "this is not an email: hello-world here",
            "AL47 212A 1009 0000 0002 3569 8741", // checksum off
            "AL47 2121 1009 0000 0002 3569 8740",
            "000-00-0000",
            "666-12-3456",
            "Your order 12345678 has shipped, tracking 1Z999AA10123456784",
            "We are open 9:00-17:00, Monday to Friday. Version 2.10.3 fixes it.",
            "Sorry for the wait! It's fixed in 2026 builds.",
    })
    void leavesOrdinaryRepliesAlone(String text) {
        assertThat(PersonalData.find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "My US number is (415) 555-0132, and my international one is +1 415 555 0132" })
    void findsEveryOccurrenceInOrder(String text) {
        List<PiiFinding> findings = PersonalData.find(text);
        assertThat(findings).extracting(PiiFinding::type).containsExactly(PiiFinding.Type.PHONE, PiiFinding.Type.PHONE);
        assertThat(findings).extracting(PiiFinding::start).containsExactly(16, 60);
    }
}
