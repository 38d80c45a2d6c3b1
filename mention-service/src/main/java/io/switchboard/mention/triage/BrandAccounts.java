package io.switchboard.mention.triage;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.events.mention.Author;

/** Our own accounts on the channels: their posts are never a customer's mention. */
public final class BrandAccounts {

    private final Set<String> handles;
    private final Set<String> platformIds;

    public BrandAccounts(Collection<String> handles, Collection<String> platformIds) {
        this.handles = handles.stream().map(BrandAccounts::handleKey).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.platformIds = platformIds.stream().map(String::trim).filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public static BrandAccounts none() {
        return new BrandAccounts(Set.of(), Set.of());
    }

    public boolean isBrand(Author author) {
        return platformIds.contains(author.platformId())
                || (author.handle() != null && handles.contains(handleKey(author.handle())));
    }

    public Set<String> handles() {
        return handles;
    }

    private static String handleKey(String handle) {
        String h = handle.trim();
        return (h.startsWith("@") ? h.substring(1) : h).toLowerCase(Locale.ROOT);
    }
}
