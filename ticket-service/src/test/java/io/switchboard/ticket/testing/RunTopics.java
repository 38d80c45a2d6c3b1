package io.switchboard.ticket.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The topic a test run really uses for one of the usual topic names: the service's channels are
 * named after their topics, and the run gives them topics of its own
 * ({@link io.switchboard.ticket.infra.PrivateTopicsTestResource}). Other names (dead-letter topics)
 * are used as they are.
 */
public final class RunTopics {

    private RunTopics() {
    }

    public static String of(String topic) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("mp.messaging.incoming." + topic + ".topic", String.class)
                .or(() -> config.getOptionalValue("mp.messaging.outgoing." + topic + ".topic", String.class))
                .orElse(topic);
    }
}
