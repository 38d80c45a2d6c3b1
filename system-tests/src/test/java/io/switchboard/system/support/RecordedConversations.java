package io.switchboard.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.platform.Workspace;

/**
 * Real customer-care conversations on Twitter: the sample the local demo replays
 * ({@code mention-service/src/main/resources/replay}, from IBM's twitter-customer-care-document-prediction
 * data set, Apache-2.0), read from the repository as recorded.
 */
public final class RecordedConversations {

    static final Path SAMPLE = Path.of("mention-service/src/main/resources/replay/ibm-twitter-customer-care-sample.json");

    /** One post: by the customer, the brand's agent, or someone else who joined in. */
    public record Turn(Role role, String handle, String text) {
    }

    public enum Role {
        CUSTOMER,
        AGENT,
        OTHER
    }

    /** A conversation as recorded; the customer is whoever wrote its first post. */
    public record Conversation(int index, String brand, List<Turn> turns) {

        public List<Turn> customerTurns() {
            return turns.stream().filter(t -> t.role() == Role.CUSTOMER).toList();
        }

        public List<Turn> agentTurns() {
            return turns.stream().filter(t -> t.role() == Role.AGENT).toList();
        }

        public String customerHandle() {
            return turns.get(0).handle();
        }
    }

    private RecordedConversations() {
    }

    /** The conversation at {@code index} of the sample (0-based, as the file orders them). */
    public static Conversation get(int index) {
        JsonNode all = read();
        JsonNode conversation = all.get(index);
        List<Turn> turns = new ArrayList<>();
        String customer = null;
        for (JsonNode turn : conversation.path("dialogContent")) {
            String text = turn.path("message").asText();
            if (turn.has("agent")) {
                turns.add(new Turn(Role.AGENT, turn.path("agent").asText(), text));
                continue;
            }
            String handle = turn.path("client").asText(turn.path("client1").asText());
            customer = customer == null ? handle : customer;
            turns.add(new Turn(handle.equals(customer) ? Role.CUSTOMER : Role.OTHER, handle, text));
        }
        return new Conversation(index, conversation.path("dialogHeader").path("company").asText(), turns);
    }

    private static JsonNode read() {
        Path file = Workspace.find().repoRoot().resolve(SAMPLE);
        try {
            return new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recorded conversations " + file, e);
        }
    }
}
