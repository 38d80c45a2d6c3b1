package io.switchboard.mention.fake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.fakes.FakeBlueskyServer;
import io.switchboard.fakes.FakeMastodonServer;

/**
 * Starts the fake Mastodon instance and Bluesky PDS for the whole run and points the channels at
 * them; polling stays off (tests drive their own pollers), replies go to the fakes.
 */
public class FakeSocialResource implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectFakeMastodon {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectFakeBluesky {
    }

    private FakeMastodonServer mastodon;
    private FakeBlueskyServer bluesky;

    @Override
    public Map<String, String> start() {
        mastodon = (FakeMastodonServer) new FakeMastodonServer().start();
        bluesky = (FakeBlueskyServer) new FakeBlueskyServer().start();
        return Map.of(
                "switchboard.mastodon.enabled", "true",
                "switchboard.mastodon.base-url", mastodon.baseUrl(),
                "switchboard.mastodon.access-token", FakeMastodonServer.TOKEN,
                "switchboard.mastodon.brand-handle", "acme_help",
                // Polling is started by tests on their own pollers; a poller here would race them.
                "switchboard.mastodon.poll-interval", "PT1000H",
                "switchboard.bluesky.enabled", "true",
                "switchboard.bluesky.base-url", bluesky.baseUrl(),
                "switchboard.bluesky.identifier", FakeBlueskyServer.IDENTIFIER,
                "switchboard.bluesky.app-password", FakeBlueskyServer.APP_PASSWORD,
                "switchboard.bluesky.poll-interval", "PT1000H");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(mastodon, new TestInjector.AnnotatedAndMatchesType(InjectFakeMastodon.class,
                FakeMastodonServer.class));
        injector.injectIntoFields(bluesky, new TestInjector.AnnotatedAndMatchesType(InjectFakeBluesky.class,
                FakeBlueskyServer.class));
    }

    @Override
    public void stop() {
        if (mastodon != null) {
            mastodon.stop();
        }
        if (bluesky != null) {
            bluesky.stop();
        }
    }
}
