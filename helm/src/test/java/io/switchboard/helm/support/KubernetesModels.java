package io.switchboard.helm.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kubernetes-models (npm, with @kubernetes-models/keda) run by Node: types and required fields of
 * every object, from the Kubernetes and KEDA OpenAPI schemas. The Maven build installs the locked
 * versions into target/node-validator (npm ci); see src/test/node.
 */
public final class KubernetesModels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesModels() {
    }

    public static Path script() {
        String configured = System.getProperty("switchboard.node.validator");
        Path script = configured != null ? Path.of(configured)
                : Chart.moduleDir().resolve("target/node-validator/validate-models.cjs");
        if (!Files.isRegularFile(script) || !Files.isDirectory(script.resolveSibling("node_modules"))) {
            throw new IllegalStateException(script + " or its node_modules is missing: run the tests through Maven "
                    + "(./mvnw -pl helm verify), which installs them with npm ci");
        }
        return script;
    }

    /** One line per invalid object ("<object>: <problem>"); empty when all are valid. */
    public static List<String> validate(List<Manifest> manifests) {
        try {
            ArrayNode input = JSON.createArrayNode();
            manifests.forEach(m -> input.add(m.body()));
            Path file = Files.createTempFile("manifests", ".json");
            try {
                Files.writeString(file, JSON.writeValueAsString(input));
                Process node = new ProcessBuilder("node", script().toString(), file.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                byte[] out = node.getInputStream().readAllBytes();
                if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
                    throw new IllegalStateException("node " + script() + " failed (exit " + node.exitValue() + ")");
                }
                List<String> problems = new ArrayList<>();
                for (JsonNode r : JSON.readTree(new String(out, StandardCharsets.UTF_8))) {
                    problems.add(manifests.get(r.get("index").asInt()) + ": " + r.get("error").asText());
                }
                return problems;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (Node.js 20 is needed for the chart's tests): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
