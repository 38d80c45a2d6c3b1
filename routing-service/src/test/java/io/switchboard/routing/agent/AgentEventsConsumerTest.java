package io.switchboard.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Actor;
import io.switchboard.events.CloudEventHeaders;
import io.switchboard.events.Topics;
import io.switchboard.events.agent.AgentPresenceChanged;
import io.switchboard.events.agent.Presence;
import io.switchboard.events.ticket.TicketStatus;
import io.switchboard.events.ticket.TicketStatusChanged;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.routing.Routing;
import io.switchboard.routing.assignment.Assignment;
import io.switchboard.routing.testing.ConsumersReady;
import io.switchboard.routing.testing.KafkaTestClient;
import io.switchboard.routing.testing.Scenario;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** agent-events on the real broker: demo agents get the seed of their subject, bad messages are dead-lettered. */
@QuarkusTest
class AgentEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GATEWAY = CloudEventHeaders.sourceOf(Topics.AGENT_GATEWAY);

    @Inject
    Routing routing;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaTestClient kafka;

    @BeforeEach
    void setUp() {
        kafka = new KafkaTestClient(bootstrap);
        ConsumersReady.await(kafka, pool);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private Optional<Agent> awaitAgent(String id, Presence presence) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Optional<Agent> agent = Optional.empty();
        while (System.nanoTime() < deadline) {
            agent = Scenario.await(routing.transactions().read(c -> routing.agents().find(c, id)));
            if (agent.isPresent() && agent.get().presence() == presence) {
                return agent;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return agent;
    }

    /**
     * Routing forgets the agent, so their next event is a first sign-in. Other services' tests share
     * the platform and may have signed them in (routing then gave them tickets): they are signed out
     * and what they still hold is closed first, through routing itself.
     */
    private void forget(String agentId) {
        Scenario.await(routing.presence().apply(AgentPresenceChanged.of(agentId, "routing test", List.of(), Presence.OFFLINE,
                null, AgentPresenceChanged.Cause.SIGN_OUT)));
        for (Assignment held : Scenario.await(routing.transactions().read(c -> routing.assignments().activeOf(c, agentId)))) {
            Scenario.await(routing.ticketRouting().statusChanged(TicketStatusChanged.of(held.ticketId(), TicketStatus.OPEN,
                    TicketStatus.CLOSED, Actor.system("routing-test"))));
        }
        Tuple id = Tuple.of(agentId);
        Scenario.await(routing.transactions().inTransaction(c -> c.preparedQuery("delete from agent_change where agent_id = $1")
                .execute(id)
                .flatMap(ignored -> c.preparedQuery("delete from assignment where agent_id = $1 and released_at is not null")
                        .execute(id))
                .flatMap(ignored -> c.preparedQuery("delete from agent where id = $1").execute(id))));
        Optional<Agent> left = Scenario.await(routing.transactions().read(c -> routing.agents().find(c, agentId)));
        assertThat(left).isEmpty();
    }

    @Test
    void aDemoAgentSigningInForTheFirstTimeGetsTheSeedOfTheirSubject() {
        String subject = (String) KeycloakTokens.claims(KeycloakTokens.accessToken("mateo")).get("sub");
        assertThat(subject).as("the subject the realm pins for mateo, which configuration names")
                .isEqualTo(DemoUsers.MATEO_USER.subject());
        forget(subject);
        // Away, not online: mateo must not take real tickets waiting in the shared database. The name
        // is not what identifies him: a renamed account keeps its seed.
        kafka.publish(AgentPresenceChanged.of(subject, "M. García (renamed)", List.of("tech-support"), Presence.AWAY, null,
                AgentPresenceChanged.Cause.SIGN_IN), GATEWAY);
        Agent mateo = awaitAgent(subject, Presence.AWAY).orElseThrow();
        assertThat(mateo.username()).isEqualTo("mateo");
        assertThat(mateo.displayName()).isEqualTo("M. García (renamed)");
        assertThat(mateo.teams()).containsExactly("tech-support");
        assertThat(mateo.skills()).containsExactly("technical");
        assertThat(mateo.languages()).containsExactlyInAnyOrder("es", "en");
        assertThat(mateo.capacity()).isEqualTo(4);
        assertThat(mateo.supervisor()).isFalse();
    }

    @Test
    void someoneMerelyNamedLikeADemoAgentGetsTheDefaults() {
        String agentId = "a-" + UUID.randomUUID();
        kafka.publish(AgentPresenceChanged.of(agentId, "Mateo García", List.of("tech-support"), Presence.AWAY, null,
                AgentPresenceChanged.Cause.SIGN_IN), GATEWAY);
        Agent namesake = awaitAgent(agentId, Presence.AWAY).orElseThrow();
        assertThat(namesake.username()).isNull();
        assertThat(namesake.skills()).isEmpty();
        assertThat(namesake.capacity()).isEqualTo(3);
        assertThat(namesake.languages()).containsExactly("en");
    }

    @Test
    void anUndecodablePresenceEventIsDeadLetteredAndTheNextOneProcessed() {
        String key = "bad-" + UUID.randomUUID();
        try (KafkaTestClient.Reader deadLetters = kafka.readFromNow(Topics.deadLetterTopic(Topics.AGENT_EVENTS,
                Topics.ROUTING_SERVICE))) {
            kafka.send(Topics.AGENT_EVENTS, key, Map.of(CloudEventHeaders.SPECVERSION, "1.0", CloudEventHeaders.ID,
                    UUID.randomUUID().toString(), CloudEventHeaders.TYPE, "switchboard.agent.presence.changed.v1",
                    CloudEventHeaders.SOURCE, GATEWAY), "{\"agentId\": 42}".getBytes(StandardCharsets.UTF_8));
            String agentId = "a-" + UUID.randomUUID();
            kafka.publish(AgentPresenceChanged.of(agentId, "x", List.of(), Presence.OFFLINE, null,
                    AgentPresenceChanged.Cause.SIGN_OUT), GATEWAY);
            assertThat(awaitAgent(agentId, Presence.OFFLINE)).isPresent();
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(r -> key.equals(r.key()), 1, WAIT);
            assertThat(dead).hasSize(1);
        }
    }
}
