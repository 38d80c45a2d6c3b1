package io.switchboard.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The stored JSON of every event type version under src/test/resources/fixtures: the contract. */
final class Fixtures {

    static final String DIR = "fixtures";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static String pathOf(String ceType) {
        return DIR + "/" + ceType + ".json";
    }

    static boolean exists(String ceType) {
        return Fixtures.class.getClassLoader().getResource(pathOf(ceType)) != null;
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] of(String ceType) {
        return bytes(pathOf(ceType));
    }

    static ObjectNode tree(String ceType) {
        return (ObjectNode) parse(of(ceType));
    }

    static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] toBytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names (ce_types) of all stored fixtures. */
    static List<String> storedTypes() {
        URL dir = Fixtures.class.getClassLoader().getResource(DIR);
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .map(name -> name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name)
                    .sorted()
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
