package io.switchboard.helm.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Yamale that chart-testing's chart_schema.yaml uses (str, num, bool, any, list, map,
 * include, required=False), so `ct lint`'s Chart.yaml check runs here on the unchanged schema file.
 * Like Yamale's default (strict) mode, a key the schema does not name is an error.
 */
public final class YamaleSchema {

    /** A validator expression such as {@code list(include('maintainer'), required=False)}. */
    record Validator(String name, List<Object> args, Map<String, String> kwargs) {
        boolean required() {
            return !"False".equals(kwargs.get("required"));
        }
    }

    private final Map<String, Validator> root;
    private final Map<String, Map<String, Validator>> includes;

    @SuppressWarnings("unchecked")
    public YamaleSchema(List<Object> documents) {
        this.root = parseFields((Map<String, Object>) documents.get(0));
        this.includes = new LinkedHashMap<>();
        for (Object doc : documents.subList(1, documents.size())) {
            ((Map<String, Object>) doc).forEach((name, fields) -> includes.put(name, parseFields((Map<String, Object>) fields)));
        }
    }

    public List<String> validate(Map<String, Object> data) {
        List<String> errors = new ArrayList<>();
        checkFields(data, root, "", errors);
        return errors;
    }

    private void checkFields(Map<String, Object> data, Map<String, Validator> fields, String path, List<String> errors) {
        fields.forEach((key, v) -> {
            if (!data.containsKey(key) || data.get(key) == null) {
                if (v.required()) {
                    errors.add(path + key + ": Required field missing");
                }
            } else if (!matches(data.get(key), v, path + key, errors)) {
                errors.add(path + key + ": '" + data.get(key) + "' is not a " + describe(v));
            }
        });
        data.keySet().stream().filter(k -> !fields.containsKey(k))
                .forEach(k -> errors.add(path + k + ": Unexpected element"));
    }

    @SuppressWarnings("unchecked")
    private boolean matches(Object value, Validator v, String path, List<String> errors) {
        return switch (v.name()) {
            case "str" -> value instanceof String;
            case "num" -> value instanceof Number;
            case "int" -> value instanceof Integer || value instanceof Long;
            case "bool" -> value instanceof Boolean;
            case "any" -> v.args().isEmpty() || v.args().stream().anyMatch(a -> matches(value, (Validator) a, path, new ArrayList<>()));
            case "list" -> value instanceof List<?> list && list.stream().allMatch(item ->
                    v.args().isEmpty() || v.args().stream().anyMatch(a -> matches(item, (Validator) a, path + "[]", errors)));
            case "map" -> value instanceof Map<?, ?> map && map.values().stream().allMatch(item ->
                    v.args().isEmpty() || v.args().stream().anyMatch(a -> matches(item, (Validator) a, path, errors)));
            case "include" -> {
                if (!(value instanceof Map)) {
                    yield false;
                }
                List<String> nested = new ArrayList<>();
                checkFields((Map<String, Object>) value, includes.get((String) v.args().get(0)), path + ".", nested);
                errors.addAll(nested);
                yield true;
            }
            default -> throw new IllegalArgumentException("validator " + v.name() + " is not supported here");
        };
    }

    private static String describe(Validator v) {
        return v.name() + "()";
    }

    private static Map<String, Validator> parseFields(Map<String, Object> fields) {
        Map<String, Validator> parsed = new LinkedHashMap<>();
        fields.forEach((k, expr) -> parsed.put(k, new Parser(expr.toString()).validator()));
        return parsed;
    }

    /** Recursive descent over name(arg, ..., key=value). */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s.trim();
        }

        Validator validator() {
            String name = identifier();
            expect('(');
            List<Object> args = new ArrayList<>();
            Map<String, String> kwargs = new LinkedHashMap<>();
            skip();
            while (s.charAt(i) != ')') {
                if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
                    args.add(quoted());
                } else {
                    int mark = i;
                    String word = identifier();
                    skip();
                    if (s.charAt(i) == '=') {
                        i++;
                        skip();
                        kwargs.put(word, s.charAt(i) == '\'' ? quoted() : identifier());
                    } else {
                        i = mark;
                        args.add(validator());
                    }
                }
                skip();
                if (s.charAt(i) == ',') {
                    i++;
                    skip();
                }
            }
            i++;
            return new Validator(name, args, kwargs);
        }

        private String identifier() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return s.substring(start, i);
        }

        private String quoted() {
            char q = s.charAt(i++);
            int start = i;
            while (s.charAt(i) != q) {
                i++;
            }
            return s.substring(start, i++);
        }

        private void expect(char c) {
            skip();
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i + " in " + s);
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }
    }
}
