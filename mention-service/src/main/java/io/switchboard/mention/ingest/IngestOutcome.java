package io.switchboard.mention.ingest;

import java.util.UUID;

import io.switchboard.events.mention.Triage;

/**
 * What became of a post handed to {@link MentionIngestor}.
 *
 * @param mentionId the id of the accepted mention; for a duplicate, the id it was first accepted under
 * @param triage the triage of an accepted mention; null for a duplicate (it was triaged the first time)
 */
public record IngestOutcome(Status status, UUID mentionId, Triage triage) {

    public enum Status {
        ACCEPTED,
        DUPLICATE
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
