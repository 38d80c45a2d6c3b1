package io.switchboard.gateway.downstream;

import io.switchboard.events.Visibility;

/** An agent's reply as ticket-service takes it; it checks the channel's limit and PII again. */
public record ReplyRequest(String text, Visibility visibility) {
}
