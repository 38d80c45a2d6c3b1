package io.switchboard.helm.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Helm's way of layering values: maps merge key by key, anything else replaces, null deletes. */
public final class Values {

    private Values() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> coalesce(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : over.entrySet()) {
            Object mine = out.get(e.getKey());
            Object theirs = e.getValue();
            if (theirs == null) {
                out.remove(e.getKey());
            } else if (mine instanceof Map && theirs instanceof Map) {
                out.put(e.getKey(), coalesce((Map<String, Object>) mine, (Map<String, Object>) theirs));
            } else {
                out.put(e.getKey(), theirs);
            }
        }
        return out;
    }

    /** {@code a.b.c=v} pairs (as given to --set) as a nested map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> fromSetPaths(Map<String, Object> set) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : set.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            }
            node.put(parts[parts.length - 1], e.getValue());
        }
        return root;
    }
}
