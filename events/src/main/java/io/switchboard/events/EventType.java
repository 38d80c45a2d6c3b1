package io.switchboard.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event record's contract: {@code @EventType(value = "switchboard.ticket.opened",
 * version = 1)} is published as CloudEvents type {@code switchboard.ticket.opened.v1}. It sits on
 * the record so the version is changed where the fields are.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Dotted lower-case name without the version: {@code switchboard.<aggregate>.<fact>}. */
    String value();

    /** Schema version; a new version is a new record published beside the old one. */
    int version();
}
