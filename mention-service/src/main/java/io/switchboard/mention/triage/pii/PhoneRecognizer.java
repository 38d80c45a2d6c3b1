package io.switchboard.mention.triage.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;

import io.switchboard.events.mention.PiiFinding;

/**
 * Phone numbers as libphonenumber finds them: international numbers anywhere, national numbers in
 * the formats of the configured regions. {@link Leniency#VALID} by default: the number must be
 * one that could be dialled, not merely a run of digits.
 */
public final class PhoneRecognizer implements Recognizer {

    /** Where our customers' national formats come from; +-prefixed numbers are found from anywhere. */
    public static final List<String> DEFAULT_REGIONS = List.of("US", "GB", "DE", "FR", "ES", "IT", "IN", "BR");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final List<String> regions;
    private final Leniency leniency;

    public PhoneRecognizer() {
        this(DEFAULT_REGIONS, Leniency.VALID);
    }

    public PhoneRecognizer(List<String> regions, Leniency leniency) {
        this.regions = List.copyOf(regions);
        this.leniency = leniency;
    }

    /** Characters a written phone number consists of. */
    private static final String PHONE_PUNCTUATION = "+()-./ \u00a0";
    private static final int MIN_DIGITS = 6;
    /** Longer digit runs are not phone numbers; matching them costs libphonenumber seconds. */
    private static final int MAX_DIGITS = 20;
    /**
     * More candidate runs than this is a number dump, not a message: matching them all would let one
     * post cost a second. The detector then treats the whole text as personal data.
     */
    private static final int MAX_RUNS = 8;
    /** Characters of context around a run, so the matcher still sees what touches the number. */
    private static final int CONTEXT = 3;

    @Override
    public List<PiiSpan> find(String text) {
        List<PiiSpan> spans = new ArrayList<>();
        // Only the runs of digits and phone punctuation are matched, each with a little context:
        // linear in the text, however long or hostile it is.
        int i = 0;
        int runs = 0;
        while (i < text.length()) {
            if (!Character.isDigit(text.charAt(i)) && text.charAt(i) != '+' && text.charAt(i) != '(') {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) || PHONE_PUNCTUATION.indexOf(text.charAt(i)) >= 0)) {
                digits += Character.isDigit(text.charAt(i)) ? 1 : 0;
                i++;
            }
            if (digits >= MIN_DIGITS && digits <= MAX_DIGITS) {
                if (++runs > MAX_RUNS) {
                    throw new IllegalStateException("too many number-like runs to check");
                }
                match(text, Math.max(0, start - CONTEXT), Math.min(text.length(), i + CONTEXT), spans);
            }
        }
        spans.sort(Comparator.comparingInt(PiiSpan::start));
        return spans;
    }

    private void match(String text, int from, int to, List<PiiSpan> spans) {
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        String window = text.substring(from, to);
        // A number written with its country code parses the same whatever region is assumed.
        List<String> tried = window.indexOf('+') >= 0 && window.trim().indexOf('+') <= CONTEXT
                ? regions.subList(0, 1) : regions;
        for (String region : tried) {
            for (PhoneNumberMatch match : UTIL.findNumbers(window, region, leniency, Long.MAX_VALUE)) {
                PiiSpan span = new PiiSpan(PiiFinding.Type.PHONE, from + match.start(), from + match.end());
                if (spans.stream().noneMatch(span::overlaps)) {
                    spans.add(span);
                }
            }
        }
    }
}
