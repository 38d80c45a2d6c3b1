package io.switchboard.mention.triage.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.events.mention.PiiFinding;

/**
 * US social security numbers, written 123-45-6789, 123.45.6789, 123 45 6789, 123456789 or with
 * misplaced dashes (12345-6789, 123-456789). Numbers that cannot be issued are not SSNs: area 000
 * or 666, group 00, serial 0000, one digit repeated, and the well-known advertising samples.
 */
public final class UsSsnRecognizer implements Recognizer {

    private static final Pattern SSN = Pattern.compile(
            "\\b(?:\\d{3}[- .]\\d{2}[- .]\\d{4}|\\d{5}-\\d{4}|\\d{3}-\\d{6}|\\d{9})\\b");
    private static final List<String> SAMPLES = List.of("000", "666", "123456789", "98765432", "078051120");

    @Override
    public List<PiiSpan> find(String text) {
        List<PiiSpan> spans = new ArrayList<>();
        Matcher m = SSN.matcher(text);
        while (m.find()) {
            if (valid(m.group())) {
                spans.add(new PiiSpan(PiiFinding.Type.NATIONAL_ID, m.start(), m.end()));
            }
        }
        return spans;
    }

    static boolean valid(String candidate) {
        String digits = candidate.replaceAll("[^0-9]", "");
        String delimiters = candidate.replaceAll("[0-9]", "");
        if (delimiters.chars().distinct().count() > 1) {
            return false; // 693-09.4444: two kinds of separator is not how anyone writes an SSN
        }
        if (digits.chars().distinct().count() == 1) {
            return false;
        }
        if (digits.startsWith("00", 3) || digits.startsWith("0000", 5)) {
            return false;
        }
        return SAMPLES.stream().noneMatch(digits::startsWith);
    }
}
