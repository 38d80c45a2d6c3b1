package io.switchboard.system.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a packaged service declares in the {@code application.properties} inside its jar (the very
 * build that runs): its incoming Kafka channels and their topics.
 */
final class PackagedApp {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    private PackagedApp() {
    }

    /** Channel name → topic, for every {@code mp.messaging.incoming.<channel>.topic}. */
    static Map<String, String> incomingTopics(Path quarkusRunJar) {
        Properties properties = applicationProperties(quarkusRunJar.resolveSibling("app"));
        Map<String, String> channels = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            Matcher m = INCOMING_TOPIC.matcher(name);
            if (m.matches()) {
                channels.put(m.group(1), properties.getProperty(name));
            }
        }
        return channels;
    }

    private static Properties applicationProperties(Path appDir) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(appDir, "*.jar")) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    var entry = file.getJarEntry("application.properties");
                    if (entry != null) {
                        Properties properties = new Properties();
                        try (InputStream in = file.getInputStream(entry)) {
                            properties.load(in);
                        }
                        return properties;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged application in " + appDir, e);
        }
        throw new IllegalStateException("no application.properties in the jars of " + appDir);
    }
}
