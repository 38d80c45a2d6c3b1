package io.switchboard.mention.fake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.fakes.FakeXServer;

/**
 * Starts the fake X for the whole test run and points the X channel at it (replies, Account
 * Activity). Ingestion stays off in tests (ingest=NONE): polling and stream tests drive their own
 * poller or stream against the fake. Tests get the fake in a field annotated {@link InjectFakeX}.
 */
public class FakeXResource implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectFakeX {
    }

    private FakeXServer fake;

    @Override
    public Map<String, String> start() {
        fake = (FakeXServer) new FakeXServer().start();
        return Map.of(
                "switchboard.x.enabled", "true",
                "switchboard.x.ingest", "NONE",
                "switchboard.x.api-base-url", fake.baseUrl(),
                "switchboard.x.bearer-token", FakeXServer.BEARER,
                "switchboard.x.user-access-token", FakeXServer.USER_TOKEN,
                "switchboard.x.consumer-secret", FakeXServer.CONSUMER_SECRET,
                "switchboard.x.brand-user-id", FakeXServer.BRAND_USER_ID,
                "switchboard.x.brand-handle", "acme_help");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fake, new TestInjector.AnnotatedAndMatchesType(InjectFakeX.class, FakeXServer.class));
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.stop();
        }
    }
}
