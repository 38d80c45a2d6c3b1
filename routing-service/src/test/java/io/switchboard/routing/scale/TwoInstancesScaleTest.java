package io.switchboard.routing.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.events.Topics;
import io.switchboard.routing.Routing;
import io.switchboard.routing.assignment.DecisionObserver;
import io.switchboard.routing.infra.RoutingRejection;
import io.switchboard.routing.testing.KafkaTestClient;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * Two routing instances, each on its own Vert.x and its own connections to the same PostgreSQL,
 * take thousands of operations at once (while the service's own engine, a third, sweeps timeouts
 * and overflows on the same database and relays the decisions to Kafka). After each round, and at
 * every step of the whole decision log, no ticket has two assignees, no agent is over capacity, and
 * no ticket waits for an agent with free capacity; the log is what routing-decisions carries.
 *
 * <p>"Waits" on the log allows a reaction time of one transaction, no more (see {@link LogReplay}):
 * a transaction may free an agent and then give them a waiting ticket, but never commits with both.
 */
@QuarkusTest
class TwoInstancesScaleTest {

    private static final int ROUNDS = 3;
    private static final int TICKETS_PER_ROUND = 1000;
    private static final int AGENTS = 24;
    private static final int IN_FLIGHT = 16;
    private static final int RELEASES_PER_ROUND = 40;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Runs the operations with {@value #IN_FLIGHT} at a time, each on a random instance; fails on anything but a rejection. */
    private static void runConcurrently(List<ScaleWorld.Operation> ops, Routing a, Routing b, Random pick, AtomicInteger rejected,
            long seed) {
        List<Uni<Void>> batch = new ArrayList<>();
        for (ScaleWorld.Operation op : ops) {
            // A duplicated delivery is two entries: each goes to a random instance, at about the same time.
            Routing instance = pick.nextBoolean() ? a : b;
            batch.add(Uni.createFrom().deferred(() -> op.run(instance)));
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Multi.createFrom().iterable(batch)
                .onItem().transformToUni(op -> op
                        .onFailure(RoutingRejection.class).invoke(ignored -> rejected.incrementAndGet())
                        .onFailure(RoutingRejection.class).recoverWithNull()
                        .onFailure().invoke(failures::add)
                        .onFailure().recoverWithNull())
                .merge(IN_FLIGHT)
                .collect().last()
                .await().atMost(Duration.ofMinutes(3));
        assertThat(failures).as("operations that failed (seed %d)", seed).isEmpty();
    }

    private Pool pool(Vertx vertx) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(username).setPassword(password);
        return Pool.pool(vertx, options, new PoolOptions().setMaxSize(8));
    }

    @Test
    void twoInstancesNeverDoubleAssignNeverOverfillAndNeverLeaveATicketWaitingForAFreeAgent() {
        long seed = System.nanoTime();
        ScaleWorld world = new ScaleWorld(seed);
        Vertx vertxA = Vertx.vertx();
        Vertx vertxB = Vertx.vertx();
        Pool poolA = pool(vertxA);
        Pool poolB = pool(vertxB);
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        KafkaTestClient.Reader decisionsTopic = kafka.readFromNow(Topics.ROUTING_DECISIONS);
        try {
            Routing a = new Routing(poolA, world.settings(), DecisionObserver.NONE);
            Routing b = new Routing(poolB, world.settings(), DecisionObserver.NONE);
            world.build(a, AGENTS);
            Invariants invariants = new Invariants(poolA, world, a);
            Random pick = new Random(seed);
            AtomicInteger rejected = new AtomicInteger();
            int operations = 0;
            long started = System.nanoTime();

            for (int round = 1; round <= ROUNDS; round++) {
                List<ScaleWorld.Operation> burst = new ArrayList<>();
                while (world.tickets.size() < round * TICKETS_PER_ROUND) {
                    burst.addAll(world.next());
                }
                runConcurrently(burst, a, b, pick, rejected, seed);
                operations += burst.size();
                List<ScaleWorld.Operation> quiet = world.releases(invariants.held(), RELEASES_PER_ROUND);
                runConcurrently(quiet, a, b, pick, rejected, seed);
                operations += quiet.size();
                assertThat(invariants.onFinalState()).as("round %d (seed %d)", round, seed).isEmpty();
            }
            List<DecisionLog.Entry> log = DecisionLog.read(poolA, world);
            assertThat(invariants.onDecisionLog(log)).as("decision log (seed %d)", seed).isEmpty();
            assertThat(invariants.onTimestamps()).as("the tables' timestamps (seed %d)", seed).isEmpty();
            assertThat(PublishedDecisions.compare(poolA, decisionsTopic, world, log, Duration.ofMinutes(2)))
                    .as("routing-decisions against the log (seed %d)", seed).isEmpty();
            int decisions = invariants.decisionsLogged();
            System.out.printf("scale test: %d operations, %d decisions, %d rejected, %.1f s on two instances (seed %d)%n",
                    operations, decisions, rejected.get(), (System.nanoTime() - started) / 1e9, seed);
            assertThat(decisions).isGreaterThan(ROUNDS * TICKETS_PER_ROUND / 2);
        } finally {
            for (String agent : world.agents) {
                try {
                    new Routing(poolA, world.settings(), DecisionObserver.NONE).presence().apply(
                            io.switchboard.events.agent.AgentPresenceChanged.of(agent, agent, List.of(),
                                    io.switchboard.events.agent.Presence.OFFLINE, null,
                                    io.switchboard.events.agent.AgentPresenceChanged.Cause.SIGN_OUT))
                            .await().atMost(Duration.ofSeconds(30));
                } catch (RuntimeException e) {
                    System.out.println("could not sign " + agent + " out: " + e);
                }
            }
            decisionsTopic.close();
            kafka.close();
            poolA.closeAndAwait();
            poolB.closeAndAwait();
            vertxA.closeAndAwait();
            vertxB.closeAndAwait();
        }
    }
}
