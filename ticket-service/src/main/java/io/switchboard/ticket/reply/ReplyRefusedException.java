package io.switchboard.ticket.reply;

import java.util.List;

import io.switchboard.events.Visibility;
import io.switchboard.events.mention.PiiFinding;

/**
 * A reply the channel would not take, or that must not go out as written; the API answers 422
 * with the reason, where in the text the problem is, and what to do instead.
 *
 * @param problem short name of the problem, e.g. {@code personal-data-in-public-reply}
 * @param findings the spans of personal data found, empty for other problems
 * @param suggestedVisibility the visibility that would be accepted, null if none would
 */
public class ReplyRefusedException extends RuntimeException {

    private final String problem;
    private final transient List<PiiFinding> findings;
    private final Visibility suggestedVisibility;

    public ReplyRefusedException(String problem, String detail, List<PiiFinding> findings, Visibility suggestedVisibility) {
        super(detail);
        this.problem = problem;
        this.findings = List.copyOf(findings);
        this.suggestedVisibility = suggestedVisibility;
    }

    public String problem() {
        return problem;
    }

    public List<PiiFinding> findings() {
        return findings;
    }

    public Visibility suggestedVisibility() {
        return suggestedVisibility;
    }
}
