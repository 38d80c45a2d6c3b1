package io.switchboard.mention.triage.pii;

import io.switchboard.events.mention.PiiFinding;

/** A piece of personal data in a text: UTF-16 offsets, end exclusive (as {@link PiiFinding}). */
public record PiiSpan(PiiFinding.Type type, int start, int end) {

    public PiiFinding toFinding() {
        return new PiiFinding(type, start, end);
    }

    boolean overlaps(PiiSpan other) {
        return start < other.end && other.start < end;
    }
}
