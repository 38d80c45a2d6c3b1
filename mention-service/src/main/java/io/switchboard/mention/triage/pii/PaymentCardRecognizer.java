package io.switchboard.mention.triage.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.events.mention.PiiFinding;

/**
 * Payment card numbers: 13 to 19 digits in the issuers' prefixes, optionally grouped by spaces or
 * dashes, that pass the Luhn check. Numbers starting with 1 need 14 digits or more (13-digit ones
 * are too often something else).
 */
public final class PaymentCardRecognizer implements Recognizer {

    private static final Pattern CARD = Pattern.compile(
            "\\b(?!1\\d{12}(?!\\d))(?:4\\d{3}|5[0-5]\\d{2}|6\\d{3}|1\\d{3}|3\\d{3})[- ]?\\d{3,4}[- ]?\\d{3,4}[- ]?\\d{3,5}\\b");

    @Override
    public List<PiiSpan> find(String text) {
        List<PiiSpan> spans = new ArrayList<>();
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            if (luhn(m.group())) {
                spans.add(new PiiSpan(PiiFinding.Type.PAYMENT_CARD, m.start(), m.end()));
            }
        }
        return spans;
    }

    /** The Luhn (mod 10) check over the digits, separators ignored. */
    static boolean luhn(String number) {
        int sum = 0;
        boolean doubled = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
