package io.switchboard.helm.support;

import io.switchboard.events.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The four services as the rest of the repository knows them: module, values key, consumed topics. */
public enum Services {
    AGENT_GATEWAY(Topics.AGENT_GATEWAY, "agentGateway"),
    MENTION_SERVICE(Topics.MENTION_SERVICE, "mentionService"),
    TICKET_SERVICE(Topics.TICKET_SERVICE, "ticketService"),
    ROUTING_SERVICE(Topics.ROUTING_SERVICE, "routingService");

    private final String module;
    private final String valuesKey;

    Services(String module, String valuesKey) {
        this.module = module;
        this.valuesKey = valuesKey;
    }

    public String module() {
        return module;
    }

    public String valuesKey() {
        return valuesKey;
    }

    /** The object name with release "switchboard": switchboard-ticket-service. */
    public String objectName() {
        return Chart.RELEASE + "-" + module;
    }

    /** Topics this service consumes, from io.switchboard.events.Topics. */
    public List<String> consumedTopics() {
        return Topics.SUBSCRIPTIONS.stream().filter(s -> s.consumer().equals(module)).map(Topics.Subscription::topic).toList();
    }

    /** Consumers scale on lag; agent-gateway's subscriptions only feed browsers, it scales on CPU. */
    public boolean scalesOnLag() {
        return this != AGENT_GATEWAY;
    }

    public Path moduleDir() {
        return Chart.repoRoot().resolve(module);
    }

    /** The service's src/main/resources/application.properties. */
    public Properties applicationProperties() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(moduleDir().resolve("src/main/resources/application.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
