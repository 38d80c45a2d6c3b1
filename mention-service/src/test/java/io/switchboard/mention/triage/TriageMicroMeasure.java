package io.switchboard.mention.triage;

import java.util.List;
import java.util.Locale;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.Author;
import io.switchboard.mention.mention.Mention;

/**
 * Not a test: the micro-measure quoted in the README ("Triage cost"). Runs triage over the
 * labelled posts, warm, on one thread, and prints the mean and the worst time per mention.
 *
 * <pre>./mvnw -B -q -pl mention-service test-compile && java -cp "$(cat mention-service/target/test-classpath.txt)" ...</pre>
 */
public final class TriageMicroMeasure {

    private TriageMicroMeasure() {
    }

    public static void main(String[] args) {
        Triager triager = new Triager(BrandAccounts.none());
        List<Mention> mentions = LabelledMention.all().stream()
                .map(m -> Mention.on(Channel.REPLAY).externalId(m.tweet_id())
                        .author(new Author("c" + m.conversation(), m.client(), null, 100, false)).text(m.text()).build())
                .toList();
        long sink = 0;
        for (int round = 0; round < 200; round++) { // warm-up: let the JIT compile the hot paths
            for (Mention m : mentions) {
                sink += triager.assess(m).priorityScore();
            }
        }
        int rounds = 200;
        long[] times = new long[rounds * mentions.size()];
        int i = 0;
        // CPU time of this thread, not wall time: on a shared machine the wall clock measures the neighbours.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        for (int round = 0; round < rounds; round++) {
            for (Mention m : mentions) {
                long t0 = cpu.getCurrentThreadCpuTime();
                sink += triager.assess(m).priorityScore();
                times[i++] = cpu.getCurrentThreadCpuTime() - t0;
            }
        }
        long total = cpu.getCurrentThreadCpuTime() - start;
        java.util.Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%d mentions x %d rounds, CPU time: mean %.1f µs, median %.1f µs, p99 %.1f µs,"
                + " max %.1f µs per mention (%d)%n", mentions.size(), rounds, (double) total / times.length / 1000.0,
                times[times.length / 2] / 1000.0, times[(int) (times.length * 0.99)] / 1000.0,
                times[times.length - 1] / 1000.0, sink % 7);
    }
}
