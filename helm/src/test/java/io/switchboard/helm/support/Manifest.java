package io.switchboard.helm.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One rendered Kubernetes object and the template it came from. */
public record Manifest(String source, ObjectNode body) {

    private static final Pattern SOURCE = Pattern.compile("^# Source: (.+)$", Pattern.MULTILINE);

    public String apiVersion() {
        return body.path("apiVersion").asText();
    }

    public String kind() {
        return body.path("kind").asText();
    }

    public String name() {
        return body.path("metadata").path("name").asText();
    }

    public JsonNode spec() {
        return body.path("spec");
    }

    public String label(String key) {
        return body.path("metadata").path("labels").path(key).asText(null);
    }

    @Override
    public String toString() {
        return kind() + "/" + name() + " (" + source + ")";
    }

    /** Every object of a multi-document YAML stream (helm template output or a k8s/ file). */
    public static List<Manifest> parseAll(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Matcher m = SOURCE.matcher(document);
            String source = m.find() ? m.group(1).trim() : "?";
            try (MappingIterator<JsonNode> nodes = Yaml.MAPPER.readerFor(JsonNode.class).readValues(document)) {
                while (nodes.hasNext()) {
                    JsonNode node = nodes.next();
                    if (node instanceof ObjectNode object && !object.isEmpty()) {
                        manifests.add(new Manifest(source, object));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": not valid YAML: " + e.getMessage(), e);
            }
        }
        return manifests;
    }

    public static Optional<Manifest> find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
    }

    public static List<Manifest> ofKind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }
}
