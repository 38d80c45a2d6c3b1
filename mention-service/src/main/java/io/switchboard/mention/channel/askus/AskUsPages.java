package io.switchboard.mention.channel.askus;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/**
 * The small HTML pages of the form flow (received, try again, follow-up). Every value is HTML-escaped: a customer's name or an
 * agent's answer is text here, never markup.
 */
final class AskUsPages {

    /** No scripts, no styles from elsewhere, no framing: the pages are static text. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AskUsPages() {
    }

    static String received(String reference, String followUpUrl) {
        return page("We received your question",
                "<p>Your reference is <strong>" + escape(reference) + "</strong>.</p>"
                        + "<p>Keep this link to see the status and our answer (it is yours alone):<br>"
                        + "<a href=\"" + escape(followUpUrl) + "\">" + escape(followUpUrl) + "</a></p>");
    }

    /** The form could not be taken just now (storage unavailable); nothing was kept, so sending it again is safe. */
    static String tryAgain(long seconds) {
        return page("Please try again in a moment",
                "<p>We could not take your question just now, and nothing of it was kept.</p>"
                        + "<p>Please go back and send the form again in " + seconds + (seconds == 1 ? " second" : " seconds")
                        + " or so. We are sorry for the trouble.</p>");
    }

    static String followUp(AskUsService.FollowUp f) {
        StringBuilder body = new StringBuilder()
                .append("<p>Reference <strong>").append(escape(f.reference())).append("</strong>, sent ")
                .append(escape(WHEN.format(f.submittedAt()))).append(".</p><p>Status: <strong>")
                .append(f.status() == AskUsService.Status.ANSWERED ? "answered" : "received, we will answer soon")
                .append("</strong></p>");
        for (AskUsService.Answer a : f.answers()) {
            body.append("<section><h2>Our answer, ").append(escape(WHEN.format(a.answeredAt()))).append("</h2><p>")
                    .append(escape(a.text()).replace("\n", "<br>")).append("</p></section>");
        }
        return page("Your question", body.toString());
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
