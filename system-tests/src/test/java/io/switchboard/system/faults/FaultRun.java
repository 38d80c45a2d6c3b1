package io.switchboard.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.events.Channel;

/**
 * The figures of one fault run, printed and written to {@code target/faults/fault-run-<run>.json}
 * (the README's table comes from them): what was sent and accepted, how long things took, and each
 * fault's recovery time.
 */
final class FaultRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode figures = JSON.createObjectNode();

    FaultRun(String run, int mentions, double rate) {
        figures.put("run", run).put("mentionsPlanned", mentions).put("ratePerSecond", rate);
    }

    void load(List<MentionLoad.Post> posts, List<MentionLoad.Post> accepted, MentionLoad load, Duration duration) {
        figures.put("mentionsSent", posts.size())
                .put("mentionsAccepted", accepted.size())
                .put("viaSignedWebhook", posts.stream().filter(p -> p.channel == Channel.WEBHOOK).count())
                .put("viaXAccountActivity", posts.stream().filter(p -> p.channel == Channel.X).count())
                .put("attempts", posts.stream().mapToInt(p -> p.attempts).sum())
                .put("attemptsWithout2xx", load.failedAttempts())
                .put("loadSeconds", seconds(duration));
        ObjectNode answers = figures.putObject("answersByStatus");
        load.answers().forEach((status, count) -> answers.put(status == 0 ? "no answer" : status.toString(), count));
    }

    void drained(Duration afterLoad) {
        figures.put("drainSecondsAfterLoad", seconds(afterLoad));
    }

    void agents(ReplyingAgents agents) {
        List<ReplyingAgents.ReplyRequest> replies = agents.replies();
        figures.put("replyRequests", replies.size())
                .put("repliesAccepted", replies.stream().filter(ReplyingAgents.ReplyRequest::accepted).count())
                .put("repliesUnanswered", replies.stream().filter(ReplyingAgents.ReplyRequest::unanswered).count())
                .put("ticketsResolvedByAgents", agents.resolved())
                .put("agentCallsFailed", agents.failedCalls());
    }

    void outcome(int tickets, int ignored, int assignments, List<Outages.Recovery> recoveries) {
        figures.put("tickets", tickets).put("mentionsNotActionable", ignored).put("assignmentsDuringRun", assignments);
        ArrayNode faults = figures.putArray("faults");
        for (Outages.Recovery r : recoveries) {
            faults.addObject().put("fault", r.fault()).put("at", r.at().toString())
                    .put("partBackSeconds", seconds(r.partBack())).put("allReadySeconds", seconds(r.allReady()))
                    .put("notReadyAfter", String.join(", ", r.notReady()));
        }
    }

    void write() {
        try {
            Path file = Path.of("target", "faults", "fault-run-" + figures.path("run").asText() + ".json");
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), figures);
            System.out.println("[faults] figures of this run (" + file.toAbsolutePath() + "):\n" + JSON.writeValueAsString(figures));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }
}
