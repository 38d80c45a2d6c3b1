package io.switchboard.routing.infra;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.switchboard.routing.agent.Languages;

/** Checks of request fields, each failing with a 400 that says which field and why. */
public final class Requests {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Requests() {
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw RoutingRejection.invalid(field + " is required");
        }
        if (value.length() > maxLength) {
            throw RoutingRejection.invalid(field + " is longer than " + maxLength + " characters");
        }
        return value.strip();
    }

    /** A team, skill, tag or queue id: letters, digits, dot, dash, underscore; at most 64 characters. */
    public static String name(String value, String field) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw RoutingRejection.invalid(field + " must be 1-64 letters, digits, '.', '-' or '_'");
        }
        return value;
    }

    public static Set<String> names(List<String> values, String field) {
        Set<String> result = new TreeSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            result.add(name(value, field));
        }
        return result;
    }

    public static Set<String> languages(List<String> values, String field) {
        Set<String> result = new TreeSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (!Languages.isValid(value)) {
                throw RoutingRejection.invalid(field + " must be language tags such as en or es-MX");
            }
            result.add(Languages.primary(value));
        }
        return result;
    }

    public static int between(Integer value, int min, int max, String field) {
        if (value == null || value < min || value > max) {
            throw RoutingRejection.invalid(field + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static <E extends Enum<E>> Set<E> enums(List<String> values, Class<E> type, String field) {
        Set<E> result = new HashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            result.add(parse(value, type, field, name -> Enum.valueOf(type, name)));
        }
        return result;
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type, String field, Function<String, E> valueOf) {
        try {
            return valueOf.apply(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RoutingRejection.invalid(field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
