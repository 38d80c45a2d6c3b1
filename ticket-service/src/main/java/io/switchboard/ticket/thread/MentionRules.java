package io.switchboard.ticket.thread;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.switchboard.events.Channel;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.events.mention.Triage;
import io.switchboard.events.ticket.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The decisions about a single mention that do not depend on the database. */
@ApplicationScoped
public class MentionRules {

    /** Triage's score (0-100) at or above which a ticket starts at HIGH / NORMAL priority. */
    static final int HIGH_FROM = 70;
    static final int NORMAL_FROM = 30;

    private static final int SUMMARY_LENGTH = 140;

    private final Set<Channel> ticketAnywayChannels;
    private final List<String> ticketAnywayKeywords;
    private final ThreadingConfig config;

    @Inject
    public MentionRules(ThreadingConfig config) {
        this.config = config;
        this.ticketAnywayChannels = config.ticketAnyway().channels().orElse(Set.of());
        this.ticketAnywayKeywords = config.ticketAnyway().keywords().orElse(List.of()).stream()
                .map(String::strip).filter(k -> !k.isEmpty()).map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    /** Null when the mention should be ticketed; else why it is only counted. */
    public String ignoreReason(MentionReceived mention) {
        Triage triage = mention.triage();
        if (triage.spam()) {
            return IgnoredMention.SPAM;
        }
        if (triage.actionable() || ticketAnywayChannels.contains(mention.channel())) {
            return null;
        }
        String text = mention.text().toLowerCase(Locale.ROOT);
        return ticketAnywayKeywords.stream().anyMatch(text::contains) ? null : IgnoredMention.NOT_ACTIONABLE;
    }

    public Priority priority(Triage triage) {
        if (triage.urgent()) {
            return Priority.URGENT;
        }
        if (triage.priorityScore() >= HIGH_FROM) {
            return Priority.HIGH;
        }
        return triage.priorityScore() >= NORMAL_FROM ? Priority.NORMAL : Priority.LOW;
    }

    public String team(String brandAccount) {
        if (brandAccount != null) {
            String team = config.teamByBrand().get(brandAccount);
            if (team == null) {
                team = config.teamByBrand().get(brandAccount.startsWith("@") ? brandAccount.substring(1) : "@" + brandAccount);
            }
            if (team != null) {
                return team;
            }
        }
        return config.defaultTeam();
    }

    /** A one-line summary from triage's redacted text, so lists never show raw personal data. */
    public static String summary(MentionReceived mention) {
        String text = MentionLimits.storable(mention.triage().redactedText()).strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return mention.media().isEmpty() ? "(empty post)" : "(media only)";
        }
        return text.codePointCount(0, text.length()) <= SUMMARY_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, SUMMARY_LENGTH - 1)) + "…";
    }
}
