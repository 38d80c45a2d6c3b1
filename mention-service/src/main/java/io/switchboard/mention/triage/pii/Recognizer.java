package io.switchboard.mention.triage.pii;

import java.util.List;

/** Finds one kind of personal data. Implementations are stateless and thread-safe. */
public interface Recognizer {

    /** The spans found, in text order. */
    List<PiiSpan> find(String text);
}
