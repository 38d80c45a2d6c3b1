package io.switchboard.events.mention;

/** What the customer wants, as triage reads it; routing matches it to agents' skills. */
public enum Intent {
    COMPLAINT,
    QUESTION,
    REQUEST,
    PRAISE,
    SPAM,
    OTHER
}
