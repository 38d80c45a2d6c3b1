package io.switchboard.system.support;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.fakes.FakeXServer;
import io.switchboard.system.harness.SystemStack;

/**
 * A customer on X, posting one thread to our brand through the fake X. Ids are new for every run
 * (mention-service de-duplicates by post id, ticket-service knows customers by account id, and
 * both databases outlive a run); the texts are the recorded ones, addressed to our brand handle.
 */
public final class XCustomer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private final FakeXServer x;
    private final String recordedBrand;
    private final String userId = FakeXServer.nextId();
    private final String handle;
    private final List<String> posts = new ArrayList<>();
    private String displayName;
    private String root;
    private String lastInThread;

    public XCustomer(FakeXServer x, RecordedConversations.Conversation conversation) {
        this.x = x;
        this.recordedBrand = conversation.brand();
        this.handle = conversation.customerHandle();
    }

    /** The name X shows beside the handle (by default the fake's "Name <handle>"). */
    public XCustomer displayName(String name) {
        this.displayName = name;
        return this;
    }

    public String userId() {
        return userId;
    }

    public String handle() {
        return handle;
    }

    /** Every post of this customer so far, oldest first. */
    public List<String> posts() {
        return List.copyOf(posts);
    }

    public String lastPost() {
        return posts.get(posts.size() - 1);
    }

    /** The brand answered in the thread (with this post id on X): the customer's next post replies to it. */
    public void sawReply(String postId) {
        lastInThread = postId;
    }

    /** Posts the next turn of the thread; the filtered stream delivers it. Returns the post id. */
    public String postOnStream(String recordedText) {
        String id = FakeXServer.nextId();
        ObjectNode tweet = FakeXServer.tweet(id, userId, addressed(recordedText));
        tweet.put("conversation_id", root == null ? id : root);
        if (lastInThread != null) {
            tweet.putArray("referenced_tweets").addObject().put("type", "replied_to").put("id", lastInThread);
        }
        ObjectNode author = FakeXServer.user(userId, handle, 87);
        if (displayName != null) {
            author.put("name", displayName);
        }
        x.streamPost(tweet, author);
        return remember(id);
    }

    /**
     * The next turn as X's Account Activity webhook delivers it (v1.1 shapes: {@code tweet_create_events}
     * with the user inline), as the raw body X signs.
     */
    public byte[] accountActivityPost(String recordedText) {
        String id = FakeXServer.nextId();
        ObjectNode body = JSON.createObjectNode().put("for_user_id", FakeXServer.BRAND_USER_ID);
        ObjectNode tweet = body.putArray("tweet_create_events").addObject()
                .put("id_str", id)
                .put("text", addressed(recordedText))
                .put("created_at", V1_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .put("in_reply_to_status_id_str", lastInThread)
                .put("lang", "en");
        tweet.putObject("user").put("id_str", userId).put("screen_name", handle).put("name", handle)
                .put("followers_count", 87).put("verified", false);
        tweet.putObject("entities").putArray("urls");
        remember(id);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String remember(String id) {
        root = root == null ? id : root;
        lastInThread = id;
        posts.add(id);
        return id;
    }

    /** The recorded post addressed our brand by the recorded company's handle; here it addresses ours. */
    private String addressed(String text) {
        String brand = "@" + SystemStack.BRAND_HANDLE;
        String readdressed = text.replace("@" + recordedBrand, brand);
        return readdressed.contains(brand) ? readdressed : brand + " " + readdressed;
    }
}
