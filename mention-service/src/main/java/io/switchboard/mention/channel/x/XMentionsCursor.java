package io.switchboard.mention.channel.x;

/**
 * Where mentions polling stands. Normally just {@code since}: everything up to that id is read.
 * When one poll could not read every page, {@code until} (the oldest id read) and {@code newest}
 * (the newest id seen) remember the unfinished stretch, so the next poll reads on below
 * {@code until} instead of skipping it, and only then moves {@code since} up to {@code newest}.
 */
record XMentionsCursor(String since, String until, String newest) {

    static XMentionsCursor parse(String stored) {
        String since = null;
        String until = null;
        String newest = null;
        if (stored != null) {
            for (String part : stored.split(";")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2 && kv[1].matches("[0-9]{1,19}")) {
                    switch (kv[0]) {
                        case "since" -> since = kv[1];
                        case "until" -> until = kv[1];
                        case "newest" -> newest = kv[1];
                        default -> {
                        }
                    }
                }
            }
        }
        return new XMentionsCursor(since, until, newest);
    }

    String format() {
        StringBuilder s = new StringBuilder();
        if (since != null) {
            s.append("since=").append(since);
        }
        if (until != null) {
            s.append(s.length() > 0 ? ";" : "").append("until=").append(until);
        }
        if (newest != null) {
            s.append(s.length() > 0 ? ";" : "").append("newest=").append(newest);
        }
        return s.toString();
    }

    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Long.parseLong(a) >= Long.parseLong(b) ? a : b;
    }
}
