package io.switchboard.mention.triage.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All personal data in a text, and the text with each piece masked. Where two recognizers claim
 * overlapping text, the more specific one wins (a checksum-validated card or IBAN over a phone
 * number), so each character is reported at most once.
 */
public final class PiiDetector {

    private final List<Recognizer> byPrecedence;

    public PiiDetector() {
        this(new PhoneRecognizer());
    }

    public PiiDetector(PhoneRecognizer phones) {
        byPrecedence = List.of(new EmailRecognizer(), new IbanRecognizer(), new PaymentCardRecognizer(),
                new UsSsnRecognizer(), phones);
    }

    /** Thrown when a recognizer could not finish: the caller must treat the whole text as personal. */
    public static final class Incomplete extends RuntimeException {
        Incomplete(String recognizer) {
            super(recognizer + " could not check this text", null, false, false);
        }
    }

    public List<PiiSpan> find(String text) {
        List<PiiSpan> accepted = new ArrayList<>();
        for (Recognizer recognizer : byPrecedence) {
            List<PiiSpan> found;
            try {
                found = recognizer.find(text);
            } catch (RuntimeException | StackOverflowError e) {
                // Hostile input must not crash ingestion, and must not leak either: withhold it all.
                throw new Incomplete(recognizer.getClass().getSimpleName());
            }
            for (PiiSpan span : found) {
                if (accepted.stream().noneMatch(span::overlaps)) {
                    accepted.add(span);
                }
            }
        }
        accepted.sort(Comparator.comparingInt(PiiSpan::start));
        return accepted;
    }

    /** The text with every span replaced by a marker naming its kind, e.g. {@code [EMAIL]}. */
    public static String redact(String text, List<PiiSpan> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (PiiSpan span : spans) {
            out.append(text, from, span.start()).append('[').append(span.type().name()).append(']');
            from = span.end();
        }
        return out.append(text, from, text.length()).toString();
    }
}
