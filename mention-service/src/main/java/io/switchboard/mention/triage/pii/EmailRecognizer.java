package io.switchboard.mention.triage.pii;

import java.util.ArrayList;
import java.util.List;

import io.switchboard.events.mention.PiiFinding;

/**
 * E-mail addresses: an RFC 5322 dot-atom local part (at most 64 characters), DNS labels, and a
 * top-level domain that is alphabetic or an IDN (punycode {@code xn--}) label, so
 * {@code info@presidio.} is not one. Scanned outward from each {@code @} in linear time: a regular
 * expression with nested repetition overflows the stack on hostile input ({@code a.a.a.…@x}).
 */
public final class EmailRecognizer implements Recognizer {

    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-.";

    @Override
    public List<PiiSpan> find(String text) {
        List<PiiSpan> spans = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = text.indexOf('@', from)) >= 0) {
            int[] span = around(text, at);
            if (span != null && (spans.isEmpty() || span[0] >= spans.get(spans.size() - 1).end())) {
                spans.add(new PiiSpan(PiiFinding.Type.EMAIL, span[0], span[1]));
                from = span[1];
            } else {
                from = at + 1;
            }
        }
        return spans;
    }

    private static int[] around(String text, int at) {
        int start = at;
        while (start > 0 && localChar(text.charAt(start - 1))) {
            start--;
            if (at - start > 64) {
                return null;
            }
        }
        while (start < at && text.charAt(start) == '.') {
            start++; // "…at.jo@x.com": a sentence's dot is not part of the address
        }
        if (start == at || text.charAt(at - 1) == '.' || text.substring(start, at).contains("..")) {
            return null;
        }
        int end = at + 1;
        while (end < text.length() && domainChar(text.charAt(end))) {
            end++;
            if (end - at > 255) {
                return null;
            }
        }
        while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
            end--; // "write to jo@x.com." ends the sentence, not the domain
        }
        return validDomain(text.substring(at + 1, end)) ? new int[] {start, end} : null;
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.startsWith("xn--")) {
            return tld.length() > 4;
        }
        return tld.length() >= 2 && tld.chars().allMatch(Character::isLetter);
    }

    private static boolean localChar(char c) {
        return Character.isLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0;
    }

    private static boolean domainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.';
    }
}
