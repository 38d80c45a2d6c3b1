package io.switchboard.helm.support;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The chart under test (helm/switchboard), driven through helm-java: the real Helm 3 library, so
 * lint, schema validation and rendering are exactly what {@code helm} does.
 */
public final class Chart {

    public static final String RELEASE = "switchboard";
    public static final String NAMESPACE = "switchboard";
    /** The Kubernetes version templates render for (helm-java defaults to 1.20, below the chart's kubeVersion). */
    public static final String KUBE_VERSION = "1.33.0";

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private Chart() {
    }

    /** helm/ (the Maven module's base directory). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("switchboard.helm.dir", ".")).toAbsolutePath().normalize();
    }

    public static Path dir() {
        return moduleDir().resolve("switchboard");
    }

    /** The repository root (the parent of helm/). */
    public static Path repoRoot() {
        return moduleDir().getParent();
    }

    /** The scenarios: the chart's defaults plus every ci/values-*.yaml, by name ("default", "minimal", ...). */
    public static List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("default", null));
        try (Stream<Path> files = Files.list(dir().resolve("ci"))) {
            files.filter(f -> f.getFileName().toString().matches("values-.+\\.yaml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(f -> scenarios.add(new Scenario(
                            f.getFileName().toString().replaceAll("^values-|\\.yaml$", ""), f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scenarios;
    }

    public static Scenario scenario(String name) {
        return scenarios().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
    }

    /** A values scenario: the chart's defaults with an optional values file over them. */
    public record Scenario(String name, Path valuesFile) {
        @Override
        public String toString() {
            return name;
        }

        /** helm template, memoised: scenarios are rendered once per test run. */
        public String render() {
            return RENDERED.computeIfAbsent(name, n -> template(valuesFile, Map.of()));
        }

        /** The values this scenario renders with: the defaults coalesced with its file. */
        public Map<String, Object> values() {
            Map<String, Object> values = defaultValues();
            return valuesFile == null ? values : Values.coalesce(values, Yaml.readMap(valuesFile));
        }

        public List<Manifest> manifests() {
            return Manifest.parseAll(render());
        }

        /**
         * The templates/tests/ hooks rendered with this scenario's values. helm-java's template
         * leaves hooks out, so a copy of the chart renders them as plain objects (only the hook
         * annotation's key differs); Chart's tests check the original carries helm.sh/hook: test.
         */
        public List<Manifest> testHooks() {
            Path copy = copyOfChart();
            try {
                Path tests = copy.resolve("templates/tests");
                try (Stream<Path> files = Files.list(tests)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String text = Files.readString(f).replace("helm.sh/hook:", "switchboard.test/hook:");
                        Files.writeString(copy.resolve("templates/zz-test-" + f.getFileName()), text);
                        Files.delete(f);
                    }
                }
                TemplateCommand command = new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE)
                        .withKubeVersion(KUBE_VERSION);
                if (valuesFile != null) {
                    command = command.withValuesFile(valuesFile);
                }
                return Manifest.parseAll(command.call()).stream()
                        .filter(m -> m.source().contains("/templates/zz-test-")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteTree(copy.getParent());
            }
        }

        /** helm lint --strict with this scenario's values (ct lint does the same per ci file). */
        public LintResult lint() {
            return Chart.lint(valuesFile, Map.of());
        }
    }

    /** helm template of the chart with a values file (may be null) and --set overrides; Helm's error as an exception. */
    public static String template(Path valuesFile, Map<String, Object> set) {
        TemplateCommand command = new Helm(dir()).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> e : set.entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command.call();
    }

    /**
     * helm lint --strict. helm-java's lint takes no values file, so the values are applied the way
     * Helm coalesces them (maps merged, everything else replaced) into a copy of the chart.
     */
    public static LintResult lint(Path valuesFile, Map<String, Object> overrides) {
        if (valuesFile == null && overrides.isEmpty()) {
            return new Helm(dir()).lint().strict().call();
        }
        Path copy = copyOfChart();
        try {
            Map<String, Object> values = Yaml.readMap(dir().resolve("values.yaml"));
            if (valuesFile != null) {
                values = Values.coalesce(values, Yaml.readMap(valuesFile));
            }
            values = Values.coalesce(values, Values.fromSetPaths(overrides));
            Files.writeString(copy.resolve("values.yaml"), Yaml.write(values));
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(copy.getParent());
        }
    }

    private static Path copyOfChart() {
        try {
            Path root = Files.createTempDirectory("switchboard-chart");
            Path target = root.resolve("switchboard");
            try (Stream<Path> paths = Files.walk(dir())) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    Path to = target.resolve(dir().relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart's default values as a map (for tests that compare with other sources of truth). */
    public static Map<String, Object> defaultValues() {
        return new LinkedHashMap<>(Yaml.readMap(dir().resolve("values.yaml")));
    }
}
