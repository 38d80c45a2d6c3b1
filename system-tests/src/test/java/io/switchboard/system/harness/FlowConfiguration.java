package io.switchboard.system.harness;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.fakes.FakeXServer;
import io.switchboard.platform.Service;

/**
 * What the whole-system flows add to each service's platform configuration (which comes from
 * {@code ServiceEnvironment} alone): the shifted ports, the gateway pointed at the real services,
 * mention-service's X channel on the fake X with the credentials it expects (filtered stream, Account
 * Activity webhook, replies and DMs), a signed webhook source, no replay; and every consumer on a
 * group of this run (see {@link ConsumerGroups}).
 */
final class FlowConfiguration {

    private final Map<Service, Integer> ports;
    private final String fakeXUrl;
    private final String webhookSecret;

    FlowConfiguration(Map<Service, Integer> ports, String fakeXUrl, String webhookSecret) {
        this.ports = ports;
        this.fakeXUrl = fakeXUrl;
        this.webhookSecret = webhookSecret;
    }

    Map<String, String> overrides(Service service, Map<String, String> consumerGroups) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.port", Integer.toString(ports.get(service)));
        consumerGroups.forEach((channel, group) -> p.put("mp.messaging.incoming." + channel + ".group.id", group));
        switch (service) {
            case MENTION -> {
                p.put("switchboard.x.enabled", "true");
                p.put("switchboard.x.ingest", "STREAM");
                p.put("switchboard.x.api-base-url", fakeXUrl);
                p.put("switchboard.x.bearer-token", FakeXServer.BEARER);
                p.put("switchboard.x.user-access-token", FakeXServer.USER_TOKEN);
                p.put("switchboard.x.consumer-secret", FakeXServer.CONSUMER_SECRET);
                p.put("switchboard.x.brand-user-id", FakeXServer.BRAND_USER_ID);
                p.put("switchboard.x.brand-handle", SystemStack.BRAND_HANDLE);
                p.put("switchboard.brand.handles", SystemStack.BRAND_HANDLE);
                p.put("switchboard.webhook.sources." + SystemStack.WEBHOOK_SOURCE + ".secret", webhookSecret);
                p.put("switchboard.replay.enabled", "false");
                p.put("switchboard.ask.public-url", "http://localhost:" + ports.get(Service.MENTION));
            }
            case GATEWAY -> {
                p.put("quarkus.rest-client.ticket-service.url", "http://localhost:" + ports.get(Service.TICKET));
                p.put("quarkus.rest-client.routing-service.url", "http://localhost:" + ports.get(Service.ROUTING));
            }
            default -> {
                // ticket-service and routing-service need nothing beyond the platform and their groups
            }
        }
        return p;
    }
}
