package io.switchboard.mention.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Customer posts from the IBM Twitter customer-care dataset (Apache-2.0, LICENSE beside the file)
 * that we labelled by hand: see the README, "Triage accuracy", for how.
 */
record LabelledMention(String tweet_id, int conversation, String client, String split, String intent,
        String sentiment, String language, boolean actionable, String text) {

    static final String RESOURCE = "/ibm-twitter-customer-care/labelled-mentions.json";

    static List<LabelledMention> all() {
        try (InputStream in = LabelledMention.class.getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readValue(in, new TypeReference<List<LabelledMention>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LabelledMention> split(String split) {
        return all().stream().filter(m -> m.split().equals(split)).toList();
    }
}
