package io.switchboard.routing.infra.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.mutiny.sqlclient.Row;

/** The small conversions between Java and the reactive PostgreSQL client that every store needs. */
public final class Sql {

    private Sql() {
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public static Set<String> strings(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? Set.of() : new TreeSet<>(Arrays.asList(values));
    }

    public static String[] array(Collection<String> values) {
        return values.stream().sorted().toArray(String[]::new);
    }
}
