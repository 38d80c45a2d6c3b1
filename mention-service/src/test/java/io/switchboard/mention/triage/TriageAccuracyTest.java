package io.switchboard.mention.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Author;
import io.switchboard.events.mention.Triage;
import io.switchboard.mention.mention.Mention;

/**
 * Measures triage on the held-out half of the labelled set (the "eval" split: never looked at
 * while writing the rules) and holds it to the accuracy the README reports, so a change that makes
 * a classifier worse fails the build. Writes the full report to target/triage-accuracy.txt.
 */
class TriageAccuracyTest {

    /**
     * The brands of the dataset, configured as an installation would: their support handles and
     * their main accounts (whose announcements appear in the data as if from customers).
     */
    private static final List<String> BRANDS = List.of("AdobeCare", "AmazonHelp", "AppleSupport", "AskPlayStation",
            "Ask_Spectrum", "Ask_WellsFargo", "AskeBay", "ChaseSupport", "Delta", "DropboxSupport", "GoDaddyHelp",
            "Google", "HPSupport", "MicrosoftHelps", "MojangSupport", "RockstarSupport", "SouthwestAir",
            "SpotifyCares", "TMobileHelp", "TeamYouTube", "Uber_Support", "XboxSupport", "YahooCare",
            "hulu_support", "zoom_us", "TMobile", "Chase", "WellsFargo", "Apple", "Adobe", "Dropbox", "Spotify",
            "YouTube", "eBay", "Yahoo", "hulu", "Microsoft", "Amazon", "PlayStation", "Xbox", "GoDaddy");

    private final Triager triager = new Triager(new BrandAccounts(BRANDS, List.of()));

    @Test
    void heldOutAccuracyIsWhatTheReadmeSays() throws IOException {
        List<LabelledMention> eval = LabelledMention.split("eval");
        List<Result> results = eval.stream().map(this::run).toList();

        double intent = accuracy(results, r -> r.expected().intent(), r -> r.triage().intent().name());
        double sentiment = accuracy(results, r -> r.expected().sentiment(), r -> r.triage().sentiment().label().name());
        double language = accuracy(results, r -> r.expected().language(), r -> r.triage().language());
        double actionable = accuracy(results, r -> r.expected().actionable(), r -> r.triage().actionable());

        String report = String.format(Locale.ROOT, "held-out posts: %d%nintent: %.3f%nsentiment: %.3f%n"
                + "language: %.3f%nactionable: %.3f%n%s", eval.size(), intent, sentiment, language, actionable,
                errors(results));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "triage-accuracy.txt"), report);

        assertThat(intent).as(report).isGreaterThanOrEqualTo(0.70);
        assertThat(sentiment).as(report).isGreaterThanOrEqualTo(0.70);
        assertThat(language).as(report).isGreaterThanOrEqualTo(0.90);
        assertThat(actionable).as(report).isGreaterThanOrEqualTo(0.95);
    }

    /** For whoever tunes the rules: the errors on the tuning half, in target/triage-tune-errors.txt. */
    @Test
    void tuningHalfErrorsAreWrittenOut() throws IOException {
        List<Result> results = LabelledMention.split("tune").stream().map(this::run).toList();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "triage-tune-errors.txt"), String.format(Locale.ROOT,
                "intent %.3f sentiment %.3f actionable %.3f%n%s",
                accuracy(results, r -> r.expected().intent(), r -> r.triage().intent().name()),
                accuracy(results, r -> r.expected().sentiment(), r -> r.triage().sentiment().label().name()),
                accuracy(results, r -> r.expected().actionable(), r -> r.triage().actionable()), errors(results)));
        assertThat(results).isNotEmpty();
    }

    private record Result(LabelledMention expected, Triage triage) {
    }

    private Result run(LabelledMention m) {
        Mention mention = Mention.on(Channel.REPLAY).externalId(m.tweet_id())
                .author(new Author("client-" + m.conversation(), m.client(), null, null, false)).text(m.text()).build();
        return new Result(m, triager.assess(mention));
    }

    private static double accuracy(List<Result> results, Function<Result, Object> expected,
            Function<Result, Object> actual) {
        long right = results.stream().filter(r -> Objects.equals(expected.apply(r), actual.apply(r))).count();
        return (double) right / results.size();
    }

    private static String errors(List<Result> results) {
        List<String> lines = new ArrayList<>();
        for (Result r : results) {
            Triage t = r.triage();
            LabelledMention e = r.expected();
            if (!e.intent().equals(t.intent().name()) || !e.sentiment().equals(t.sentiment().label().name())
                    || e.actionable() != t.actionable()) {
                lines.add(String.format(Locale.ROOT, "%s intent %s/%s sentiment %s/%s(%.2f) actionable %s/%s | %s",
                        e.tweet_id(), e.intent(), t.intent(), e.sentiment(), t.sentiment().label(),
                        t.sentiment().score(), e.actionable(), t.actionable(),
                        e.text().replace('\n', ' ').substring(0, Math.min(140, e.text().length()))));
            }
        }
        return String.join(System.lineSeparator(), lines);
    }
}
