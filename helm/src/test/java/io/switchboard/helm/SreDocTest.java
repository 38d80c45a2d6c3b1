package io.switchboard.helm;

import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Services;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/sre.md names only metrics the services really register (a page that sends an SRE after a
 * metric that does not exist is worse than none), and only values the chart really has.
 */
class SreDocTest {

    private static final Path DOC = Chart.repoRoot().resolve("docs/sre.md");

    /** Meter names registered in the services' sources: Counter/Timer/Gauge builders and registry helpers. */
    private static Set<String> registeredMeters() throws IOException {
        Pattern meter = Pattern.compile("(?:builder|counter|timer|gauge|summary)\\(\\s*\"((?:switchboard|routing)(?:\\.[a-z0-9]+)+)\"");
        Set<String> names = new TreeSet<>();
        for (Services service : Services.values()) {
            Path sources = service.moduleDir().resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    Matcher m = meter.matcher(Files.readString(f));
                    while (m.find()) {
                        names.add(m.group(1).replace('.', '_'));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyServiceMetricTheDocNamesIsRegisteredByAService() throws IOException {
        Set<String> meters = registeredMeters();
        Matcher m = Pattern.compile("`((?:switchboard|routing)_[a-z0-9_]+)").matcher(Files.readString(DOC));
        Set<String> named = new TreeSet<>();
        while (m.find()) {
            named.add(m.group(1));
        }

        assertThat(named).hasSizeGreaterThan(10);
        assertThat(named).allSatisfy(metric -> assertThat(meters)
                .as("%s in docs/sre.md: no service registers %s", metric, base(metric))
                .contains(base(metric)));
    }

    /** The Prometheus name without the suffixes Micrometer adds (_total, _seconds, _count, ...). */
    private static String base(String prometheusName) {
        return prometheusName.replaceAll("(_seconds)?(_total|_count|_sum|_bucket|_max)?$", "");
    }

    @Test
    void everyChartValueTheDocNamesExists() throws IOException {
        Matcher m = Pattern.compile("(?:--set |`)((?:keda|kafka|metrics|[a-z]+Service|agentGateway)\\.[A-Za-z.-]+)").matcher(Files.readString(DOC));
        String values = Files.readString(Chart.dir().resolve("values.yaml"));
        while (m.find()) {
            String path = m.group(1).replaceAll("\\.$", "");
            String leaf = path.substring(path.lastIndexOf('.') + 1);
            assertThat(values).as("docs/sre.md names %s", path).containsPattern("(?m)^\\s*" + Pattern.quote(leaf) + ":");
            assertThat(values).as("docs/sre.md names %s", path).contains("@param " + path.replaceAll("\\.mentions\\.partitions$", ""));
        }
    }

    /**
     * The capacity table comes from the benchmark, says how and says which figures are measured and
     * which derived; every consumer's row has a measured per-replica rate (no placeholder left).
     */
    @Test
    void theCapacityTableIsFilledFromTheBenchmarkAndSaysWhatIsMeasured() throws IOException {
        String doc = Files.readString(DOC);
        String capacity = doc.substring(doc.indexOf("## Capacity"));
        int next = capacity.indexOf("\n## ", 1);
        capacity = next < 0 ? capacity : capacity.substring(0, next);

        assertThat(capacity).contains("./switchboard bench", "**Measured**", "**Derived**").doesNotContainIgnoringCase("pending");
        for (String consumer : new String[] { "mention-service", "ticket-service (`mentions`)", "routing-service (`ticket-events`)" }) {
            assertThat(capacity).as("the row of %s has a measured mentions/s per replica", consumer)
                    .containsPattern("(?m)^\\| " + Pattern.quote(consumer) + "[^|]*\\| [≥ ]*\\d+");
        }
    }
}
