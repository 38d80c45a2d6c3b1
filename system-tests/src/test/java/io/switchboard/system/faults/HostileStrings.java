package io.switchboard.system.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hostile-input corpus copied into {@code src/test/resources/hostile} (see its README): the Big
 * List of Naughty Strings and the XSS, SQL/NoSQL, template and command injection lists, each string
 * once, in file order.
 */
final class HostileStrings {

    private static final List<String> PAYLOAD_FILES = List.of(
            "XSS_Injection-Intruders-RSNAKE_XSS.txt",
            "XSS_Injection-Intruders-JHADDIX_XSS.txt",
            "SQL_Injection-Intruder-Auth_Bypass.txt",
            "SQL_Injection-Intruder-Generic_ErrorBased.txt",
            "SQL_Injection-Intruder-Generic_TimeBased.txt",
            "NoSQL_Injection-Intruder-NoSQL.txt",
            "Server_Side_Template_Injection-Intruder-ssti.fuzz",
            "Command_Injection-Intruder-command-execution-unix.txt");

    private HostileStrings() {
    }

    static List<String> all() {
        Set<String> strings = new LinkedHashSet<>();
        try (InputStream blns = resource("naughty-strings/blns.json")) {
            for (var node : new ObjectMapper().readTree(blns)) {
                strings.add(node.asText());
            }
            for (String file : PAYLOAD_FILES) {
                try (InputStream in = resource("payloads/" + file)) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                        strings.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(strings);
    }

    private static InputStream resource(String path) {
        InputStream in = HostileStrings.class.getResourceAsStream("/hostile/" + path);
        if (in == null) {
            throw new IllegalStateException("missing test resource hostile/" + path);
        }
        return in;
    }
}
