package io.switchboard.helm.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bitnami-style documentation of values.yaml: {@code ## @section Title} and
 * {@code ## @param path Description} comments, turned into the chart README's parameter tables.
 */
public final class ValuesDoc {

    public static final String START = "<!-- parameters:start (generated from values.yaml by ValuesDocumentationTest) -->";
    public static final String END = "<!-- parameters:end -->";

    private static final Pattern SECTION = Pattern.compile("^## @section (.+)$");
    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) (.+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Param(String path, String description) {
    }

    /** Parameters grouped by section, in file order. */
    public static Map<String, List<Param>> sections(Path valuesFile) {
        Map<String, List<Param>> sections = new LinkedHashMap<>();
        String current = "Parameters";
        try {
            for (String line : Files.readAllLines(valuesFile)) {
                Matcher s = SECTION.matcher(line);
                Matcher p = PARAM.matcher(line);
                if (s.matches()) {
                    current = s.group(1).trim();
                } else if (p.matches()) {
                    sections.computeIfAbsent(current, k -> new ArrayList<>()).add(new Param(p.group(1), p.group(2).trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }

    public static List<Param> params(Path valuesFile) {
        return sections(valuesFile).values().stream().flatMap(List::stream).toList();
    }

    /** The node at a dotted path, or null. Keys with dots inside are not addressable and are documented by an ancestor. */
    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /** Dotted paths of every leaf: scalars, lists and empty maps. */
    public static List<String> leaves(JsonNode root) {
        List<String> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
            }
        } else {
            out.add(path);
        }
    }

    /** The parameter tables, one per section. */
    public static String markdown(Path valuesFile) {
        JsonNode values = Yaml.readTree(valuesFile);
        StringBuilder md = new StringBuilder();
        sections(valuesFile).forEach((section, params) -> {
            md.append("### ").append(section).append("\n\n");
            md.append("| Name | Description | Default |\n| --- | --- | --- |\n");
            for (Param p : params) {
                md.append("| `").append(p.path()).append("` | ").append(p.description().replace("|", "\\|"))
                        .append(" | ").append(defaultOf(at(values, p.path()))).append(" |\n");
            }
            md.append("\n");
        });
        return md.toString().stripTrailing() + "\n";
    }

    private static String defaultOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        try {
            String text = node.isTextual() ? "\"" + node.asText() + "\"" : JSON.writeValueAsString(node);
            return "`" + text.replace("|", "\\|") + "`";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
