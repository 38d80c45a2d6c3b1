package io.switchboard.helm;

import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.YamaleSchema;
import io.switchboard.helm.support.YamlLint;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What `ct lint` checks besides helm lint: Chart.yaml against chart_schema.yaml, and Chart.yaml
 * plus the values files against the yamllint rules of lintconf.yaml (both copied unchanged from
 * chart-testing into src/test/resources/chart-testing). Each checker is also shown to fail.
 */
class ChartTestingRulesTest {

    private static String resource(String name) {
        try (InputStream in = ChartTestingRulesTest.class.getResourceAsStream("/chart-testing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object load(String yaml) {
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @SuppressWarnings("unchecked")
    private static YamaleSchema chartSchema() {
        List<Object> docs = new ArrayList<>();
        new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).loadAll(resource("chart_schema.yaml")).forEach(docs::add);
        return new YamaleSchema(docs);
    }

    @SuppressWarnings("unchecked")
    private static YamlLint yamllint() {
        return new YamlLint((Map<String, Object>) load(resource("lintconf.yaml")));
    }

    /** The files ct lint runs yamllint on: Chart.yaml, values.yaml and the ci values files. */
    private static List<Path> lintedFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Chart.dir().resolve("Chart.yaml"), Chart.dir().resolve("values.yaml")));
        try (Stream<Path> ci = Files.list(Chart.dir().resolve("ci"))) {
            ci.sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    @SuppressWarnings("unchecked")
    void chartYamlMatchesChartTestingsSchema() throws IOException {
        Map<String, Object> chart = (Map<String, Object>) load(Files.readString(Chart.dir().resolve("Chart.yaml")));

        assertThat(chartSchema().validate(chart)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChartSchemaCheckFails() throws IOException {
        Map<String, Object> chart = (Map<String, Object>) load(Files.readString(Chart.dir().resolve("Chart.yaml")));
        chart.remove("version");
        chart.put("keywords", "kafka");
        chart.put("maintainers", List.of(Map.of("email", "a@b.c")));
        chart.put("icons", "x");

        assertThat(chartSchema().validate(chart)).contains("version: Required field missing", "keywords: 'kafka' is not a list()",
                "maintainers[].name: Required field missing", "icons: Unexpected element");
    }

    @Test
    void chartYamlAndValuesFilesPassYamllint() throws IOException {
        YamlLint lint = yamllint();
        for (Path file : lintedFiles()) {
            assertThat(lint.lint(Files.readString(file))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theYamllintRulesFail() {
        String bad = "\n"
                + "a:   1\n"
                + "b: {x: 1 }\n"
                + "c: [1,2]\n"
                + "d:\n"
                + "    e: 1\n"
                + "    f: yes\n"
                + "g: 1 # short\n"
                + "#nospace\n"
                + "h:\n"
                + "  i: 1 \n"
                + "a: 2\n"
                + "\n";
        assertThat(yamllint().lint(bad)).extracting(YamlLint.Problem::rule)
                .contains("empty-lines", "colons", "braces", "commas", "truthy", "comments", "indentation", "trailing-spaces", "key-duplicates");
        assertThat(yamllint().lint("a: 1")).extracting(YamlLint.Problem::rule).containsExactly("new-line-at-end-of-file");
    }
}
