package io.switchboard.mention.triage.pii;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.events.mention.PiiFinding;

/**
 * International bank account numbers: a country of the IBAN registry, its exact length, capital
 * letters and digits only, grouped in fours by single spaces or dashes (or not at all), and the
 * ISO 7064 mod-97 check digits. A candidate is read to the country's length and must end there,
 * so an IBAN followed by more words is still found and a longer number is not.
 */
public final class IbanRecognizer implements Recognizer {

    /** IBAN lengths per country, from the SWIFT IBAN registry. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
            Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    @Override
    public List<PiiSpan> find(String text) {
        List<PiiSpan> spans = new ArrayList<>();
        int i = 0;
        while (i + 4 <= text.length()) {
            int end = candidateEnd(text, i);
            if (end > 0) {
                spans.add(new PiiSpan(PiiFinding.Type.IBAN, i, end));
                i = end;
            } else {
                i++;
            }
        }
        return spans;
    }

    /** The end of a valid IBAN starting at {@code start}, or -1. */
    private static int candidateEnd(String text, int start) {
        if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            return -1;
        }
        if (!upper(text.charAt(start)) || !upper(text.charAt(start + 1))
                || !digit(text.charAt(start + 2)) || !digit(text.charAt(start + 3))) {
            return -1;
        }
        Integer length = LENGTHS.get(text.substring(start, start + 2));
        if (length == null) {
            return -1;
        }
        StringBuilder iban = new StringBuilder(length);
        char separator = 0;
        int i = start;
        while (iban.length() < length && i < text.length()) {
            char c = text.charAt(i);
            if (upper(c) || digit(c)) {
                iban.append(c);
                i++;
            } else if ((c == ' ' || c == '-') && iban.length() % 4 == 0 && iban.length() > 0
                    && (separator == 0 || separator == c) && i + 1 < text.length()
                    && (upper(text.charAt(i + 1)) || digit(text.charAt(i + 1)))) {
                separator = c;
                i++;
            } else {
                return -1;
            }
        }
        if (iban.length() < length || (i < text.length() && Character.isLetterOrDigit(text.charAt(i)))) {
            return -1;
        }
        return checksumValid(iban) ? i : -1;
    }

    static boolean checksumValid(CharSequence iban) {
        StringBuilder digits = new StringBuilder(iban.length() * 2);
        String rearranged = iban.subSequence(4, iban.length()) + iban.subSequence(0, 4).toString();
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            digits.append(digit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
