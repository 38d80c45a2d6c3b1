package io.switchboard.gateway.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.switchboard.events.Channel;

/**
 * The agent's signature per brand convention and channel, e.g. " ^AL" on X (the initials convention
 * of brand accounts) or "\n\n— Ava, Switchboard support" in an e-mail. Templates know
 * {@code {firstName}}, {@code {name}} and {@code {initials}}.
 */
@ConfigMapping(prefix = "switchboard.signature")
public interface Signatures {

    /** Templates by channel name (X, MASTODON, ...). */
    Map<String, String> channels();

    /** For channels without their own template. */
    @WithDefault(" ^{initials}")
    String fallback();

    default String forAgent(Channel channel, String displayName) {
        String template = channels().getOrDefault(channel.name(), fallback());
        String name = displayName == null ? "" : displayName.trim();
        String firstName = name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
        String initials = Arrays.stream(name.split("\\s+")).filter(p -> !p.isEmpty())
                .map(p -> p.substring(0, 1).toUpperCase(Locale.ROOT)).collect(Collectors.joining());
        return template.replace("{firstName}", firstName).replace("{name}", name).replace("{initials}", initials)
                .replace("\\n", "\n");
    }
}
