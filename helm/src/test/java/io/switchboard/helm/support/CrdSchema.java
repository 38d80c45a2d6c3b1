package io.switchboard.helm.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates an object against a CustomResourceDefinition's structural OpenAPI v3 schema the way
 * the API server reads it: types (with int-or-string), required fields, enums, patterns and
 * bounds. Stricter in one point: a field the schema does not declare is an error here, where the
 * API server would silently prune it (a setting lost without a word is worse than a failed test).
 * CEL rules (x-kubernetes-validations) need a CEL engine and are not evaluated.
 */
public final class CrdSchema {

    private final JsonNode schema;

    private CrdSchema(JsonNode schema) {
        this.schema = schema;
    }

    /** A schema JSON file from the test class path (e.g. /keda/...-openapi-schema.json). */
    public static CrdSchema fromClasspath(String resource) {
        try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return new CrdSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CrdSchema of(JsonNode schema) {
        return new CrdSchema(schema);
    }

    /** Every violation, each with its path; empty when the object conforms. */
    public List<String> validate(JsonNode object) {
        List<String> errors = new ArrayList<>();
        check(object, schema, "", errors);
        return errors;
    }

    private static void check(JsonNode value, JsonNode s, String path, List<String> errors) {
        String at = path.isEmpty() ? "<root>" : path;
        if (value.isNull()) {
            if (!s.path("nullable").asBoolean(false)) {
                errors.add(at + ": null is not allowed");
            }
            return;
        }
        if (s.has("anyOf") && !s.has("type") && !s.path("x-kubernetes-int-or-string").asBoolean(false)) {
            boolean any = false;
            for (JsonNode branch : s.get("anyOf")) {
                List<String> branchErrors = new ArrayList<>();
                check(value, branch, path, branchErrors);
                any |= branchErrors.isEmpty();
            }
            if (!any) {
                errors.add(at + ": matches none of anyOf");
            }
            return;
        }
        if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!(value.isIntegralNumber() || value.isTextual())) {
                errors.add(at + ": must be an integer or a string, not " + value.getNodeType());
            }
            checkScalar(value, s, at, errors);
            return;
        }
        String type = s.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, s, path, at, errors);
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(at + ": must be an array, not " + value.getNodeType());
                    return;
                }
                bound(value.size(), s, "minItems", "maxItems", at, errors);
                int i = 0;
                for (JsonNode item : value) {
                    if (s.has("items")) {
                        check(item, s.get("items"), path + "[" + i + "]", errors);
                    }
                    i++;
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(at + ": must be a string, not " + value.getNodeType());
                    return;
                }
                checkScalar(value, s, at, errors);
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(at + ": must be an integer, not " + value.getNodeType());
                    return;
                }
                checkScalar(value, s, at, errors);
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(at + ": must be a number, not " + value.getNodeType());
                    return;
                }
                checkScalar(value, s, at, errors);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(at + ": must be a boolean, not " + value.getNodeType());
                }
            }
            case "" -> {
                // No type: anything (x-kubernetes-preserve-unknown-fields without a type).
            }
            default -> errors.add(at + ": schema has unknown type " + type);
        }
    }

    private static void checkObject(JsonNode value, JsonNode s, String path, String at, List<String> errors) {
        if (!value.isObject()) {
            errors.add(at + ": must be an object, not " + value.getNodeType());
            return;
        }
        for (JsonNode required : s.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(at + ": required field " + required.asText() + " is missing");
            }
        }
        JsonNode properties = s.path("properties");
        JsonNode additional = s.get("additionalProperties");
        boolean preserveUnknown = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (path.isEmpty() && field.getKey().equals("metadata")) {
                // The API server checks ObjectMeta itself; CRD schemas leave it open.
                continue;
            }
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), childPath, errors);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, childPath, errors);
            } else if (!preserveUnknown && !(additional != null && additional.asBoolean(false))) {
                errors.add(childPath + ": unknown field (the API server would prune it)");
            }
        }
        bound(value.size(), s, "minProperties", "maxProperties", at, errors);
    }

    private static void checkScalar(JsonNode value, JsonNode s, String at, List<String> errors) {
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : s.get("enum")) {
                found |= allowed.equals(value) || allowed.asText().equals(value.asText());
            }
            if (!found) {
                errors.add(at + ": " + value + " is not one of " + s.get("enum"));
            }
        }
        if (value.isTextual()) {
            if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(value.asText()).find()) {
                errors.add(at + ": '" + value.asText() + "' does not match " + s.get("pattern").asText());
            }
            bound(value.asText().length(), s, "minLength", "maxLength", at, errors);
        }
        if (value.isNumber()) {
            if (s.has("minimum") && value.asDouble() < s.get("minimum").asDouble()) {
                errors.add(at + ": " + value + " is below the minimum " + s.get("minimum"));
            }
            if (s.has("maximum") && value.asDouble() > s.get("maximum").asDouble()) {
                errors.add(at + ": " + value + " is above the maximum " + s.get("maximum"));
            }
            if ("int32".equals(s.path("format").asText()) && (value.asLong() > Integer.MAX_VALUE || value.asLong() < Integer.MIN_VALUE)) {
                errors.add(at + ": " + value + " does not fit int32");
            }
        }
    }

    private static void bound(int size, JsonNode s, String min, String max, String at, List<String> errors) {
        if (s.has(min) && size < s.get(min).asInt()) {
            errors.add(at + ": fewer than " + min + " " + s.get(min));
        }
        if (s.has(max) && size > s.get(max).asInt()) {
            errors.add(at + ": more than " + max + " " + s.get(max));
        }
    }
}
