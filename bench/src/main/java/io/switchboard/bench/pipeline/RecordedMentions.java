package io.switchboard.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The customers' turns of the recorded Twitter customer-care conversations (IBM's dataset, the
 * same file the local demo replays), cycled through by the load generator.
 */
public final class RecordedMentions {

    public record Turn(String handle, String text) {
    }

    private final List<Turn> turns;

    private RecordedMentions(List<Turn> turns) {
        this.turns = List.copyOf(turns);
    }

    public static RecordedMentions load(Path file) throws IOException {
        JsonNode conversations = new ObjectMapper().readTree(Files.readAllBytes(file));
        List<Turn> turns = new ArrayList<>();
        for (JsonNode conversation : conversations) {
            for (JsonNode turn : conversation.path("dialogContent")) {
                if (turn.hasNonNull("client") && turn.hasNonNull("message")) {
                    turns.add(new Turn(turn.get("client").asText(), turn.get("message").asText()));
                }
            }
        }
        if (turns.isEmpty()) {
            throw new IllegalStateException("no customer turns in " + file);
        }
        return new RecordedMentions(turns);
    }

    public Turn get(long index) {
        return turns.get((int) (index % turns.size()));
    }

    public int size() {
        return turns.size();
    }
}
