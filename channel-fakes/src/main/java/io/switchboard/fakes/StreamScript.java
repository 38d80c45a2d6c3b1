package io.switchboard.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What one connection of the fake filtered stream does, step by step; then it closes. */
public final class StreamScript {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One step: a line, a keep-alive, or a pause. */
    public record Step(Kind kind, String text, long millis) {
        public enum Kind {
            LINE,
            KEEP_ALIVE,
            PAUSE
        }
    }

    private final int status;
    private final Map<String, String> headers;
    private final List<Step> steps = new ArrayList<>();

    private StreamScript(int status, Map<String, String> headers) {
        this.status = status;
        this.headers = headers;
    }

    public static StreamScript connected() {
        return new StreamScript(200, Map.of());
    }

    /** The connection is refused with this status (429 with reset headers, 503...). */
    public static StreamScript refused(int status, Map<String, String> headers) {
        return new StreamScript(status, headers);
    }

    /** A FilteredStreamingTweetResponse carrying the post and its author. */
    public StreamScript post(ObjectNode tweet, ObjectNode author) {
        steps.add(new Step(Step.Kind.LINE, message(tweet, author), 0));
        return this;
    }

    /** The stream line X sends for a post that matched a rule: the post, its author, the rule. */
    static String message(ObjectNode tweet, ObjectNode author) {
        ObjectNode message = JSON.createObjectNode();
        message.set("data", tweet);
        message.putObject("includes").putArray("users").add(author);
        message.putArray("matching_rules").addObject().put("id", "1").put("tag", "switchboard");
        return message.toString();
    }

    public StreamScript line(String raw) {
        steps.add(new Step(Step.Kind.LINE, raw, 0));
        return this;
    }

    public StreamScript keepAlive() {
        steps.add(new Step(Step.Kind.KEEP_ALIVE, null, 0));
        return this;
    }

    public StreamScript pause(long millis) {
        steps.add(new Step(Step.Kind.PAUSE, null, millis));
        return this;
    }

    /** Keep-alives every {@code every} ms for {@code total} ms: a quiet but healthy stream. */
    public StreamScript keepAlives(long every, long total) {
        for (long t = 0; t < total; t += every) {
            pause(every);
            keepAlive();
        }
        return this;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    List<Step> steps() {
        return steps;
    }

    static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            return null;
        }
    }
}
