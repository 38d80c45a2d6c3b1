package io.switchboard.routing.infra.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Every {@code routing.*} key of application.properties; the README's configuration table lists them. */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /** Where a ticket goes when no rule, no escalation and no team hint place it. */
    String defaultQueue();

    Aging aging();

    Escalation escalation();

    Presence presence();

    Overflow overflow();

    Dispatch dispatch();

    Metrics metrics();

    interface Metrics {
        /** How often the queue gauges are read from the database. */
        @WithDefault("5s")
        String queueRefresh();
    }

    Agents agents();

    Outbox outbox();

    DecisionLog decisionLog();

    /** Queues seeded on first start, by id. */
    Map<String, QueueSeed> queues();

    /** Placement rules seeded on first start, by a stable key. */
    Map<String, RuleSeed> rules();

    interface Aging {
        /** A waiting ticket rises one priority level per step it waits. */
        @WithDefault("PT5M")
        Duration step();

        /** Aging never lifts a ticket above this level (it then competes on age alone). */
        @WithDefault("URGENT")
        String maxPriority();
    }

    interface Escalation {
        /** The supervisors' queue: SLA breaches and negative high-reach tickets go here. */
        String queue();

        /** Its team, to which every supervisor belongs besides their own teams. */
        @WithDefault("supervisors")
        String team();

        /** A negative ticket from a customer with at least this many followers is escalated at once. */
        @WithDefault("10000")
        int minFollowers();

        /** ...when its sentiment is NEGATIVE with a score at or below this. */
        @WithDefault("-0.3")
        double maxSentimentScore();
    }

    interface Presence {
        /** An agent not heard from for this long is taken offline. */
        @WithDefault("PT90S")
        Duration heartbeatTimeout();

        /** How often silent agents are looked for (a scheduler interval such as 15s). */
        @WithDefault("15s")
        String sweepInterval();
    }

    interface Overflow {
        /** How often overdue tickets are looked for. */
        @WithDefault("15s")
        String sweepInterval();

        /** How many overflowing tickets one sweep moves at most. */
        @WithDefault("200")
        int batchSize();
    }

    interface Dispatch {
        /** Waiting tickets read per round of one dispatch. */
        @WithDefault("200")
        int pageSize();
    }

    interface Agents {
        /** Capacity of an agent no seed describes. */
        @WithDefault("3")
        int defaultCapacity();

        /** Languages of an agent no seed describes, until an admin sets them. */
        @WithDefault("en")
        List<String> defaultLanguages();

        /** The realm's demo agents, by OIDC subject (the realm pins them), applied when each is first seen. */
        Map<String, AgentSeed> seed();
    }

    interface Outbox {
        /** How often the relay looks for decisions to publish besides being woken by each commit. */
        @WithDefault("1s")
        String pollInterval();

        @WithDefault("200")
        int batchSize();

        /** Published decisions are kept this long (the decision log), then purged. */
        @WithDefault("P3D")
        Duration retention();
    }

    interface DecisionLog {
        /**
         * agent_change and closed_while_waiting entries are kept this long, then purged (each agent's
         * latest agent_change stays). At least the outbox retention, so the log stays complete as far back as it goes.
         */
        @WithDefault("P7D")
        Duration retention();

        /** How often the purge runs (a scheduler interval). */
        @WithDefault("1h")
        String purgeInterval();

        /** Rows deleted per statement (each its own transaction). */
        @WithDefault("1000")
        int batchSize();
    }

    interface AgentSeed {
        /** Who the subject is (their username), shown by the API. */
        Optional<String> username();

        Optional<List<String>> teams();

        Optional<List<String>> skills();

        Optional<List<String>> languages();

        OptionalInt capacity();

        @WithDefault("false")
        boolean supervisor();
    }

    interface QueueSeed {
        Optional<String> name();

        String team();

        Optional<List<String>> skills();

        @WithDefault("false")
        boolean teamDefault();

        @WithName("overflow-to")
        Optional<String> overflowTo();

        Optional<Duration> overflowAfter();
    }

    interface RuleSeed {
        int position();

        Optional<String> name();

        String queue();

        Optional<List<String>> channels();

        Optional<List<String>> languages();

        Optional<List<String>> intents();

        Optional<List<String>> tags();

        Optional<List<String>> priorities();
    }
}
