package io.switchboard.mention.channel.x;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keeps the filtered stream's rules equal to the configuration: one rule per brand handle
 * ({@code @acme_help}) and per keyword. Only rules tagged {@value #TAG} are ours to delete, so
 * rules another tool added to the same app are left alone.
 */
public final class XStreamRules {

    public static final String TAG = "switchboard";

    /** What a sync changed. */
    public record Sync(List<String> added, List<String> deletedIds) {
    }

    private XStreamRules() {
    }

    public static Set<String> desired(String brandHandle, List<String> keywords) {
        Set<String> rules = new LinkedHashSet<>();
        if (brandHandle != null && !brandHandle.isBlank()) {
            rules.add("@" + brandHandle.trim().replaceFirst("^@", ""));
        }
        for (String keyword : keywords) {
            String k = keyword.trim();
            if (!k.isEmpty()) {
                rules.add(k.contains(" ") ? "\"" + k.replace("\"", "") + "\"" : k);
            }
        }
        return rules;
    }

    public static Sync sync(XApiClient api, String token, Set<String> desired) {
        JsonNode current = api.streamRules(token);
        Set<String> present = new LinkedHashSet<>();
        List<String> stale = new ArrayList<>();
        for (JsonNode rule : current.path("data")) {
            String value = rule.path("value").asText();
            present.add(value);
            if (rule.path("tag").asText("").equals(TAG) && !desired.contains(value)) {
                stale.add(rule.path("id").asText());
            }
        }
        if (!stale.isEmpty()) {
            api.updateStreamRules(token, Map.of("delete", Map.of("ids", stale)));
        }
        List<String> missing = desired.stream().filter(v -> !present.contains(v)).toList();
        if (!missing.isEmpty()) {
            api.updateStreamRules(token, Map.of("add", missing.stream().map(v -> Map.of("value", v, "tag", TAG)).toList()));
        }
        return new Sync(missing, stale);
    }
}
