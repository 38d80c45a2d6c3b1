package io.switchboard.routing.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;

import io.switchboard.routing.assignment.DecisionObserver;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** A test on its own scenarios, whose agents are signed out after each test. */
public abstract class ScenarioTest {

    @Inject
    protected Pool pool;

    private final List<Scenario> scenarios = new ArrayList<>();

    protected Scenario scenario() {
        return remember(new Scenario(pool));
    }

    protected Scenario scenario(Duration agingStep, Duration heartbeatTimeout) {
        return remember(new Scenario(pool, agingStep, heartbeatTimeout, DecisionObserver.NONE));
    }

    private Scenario remember(Scenario scenario) {
        scenarios.add(scenario);
        return scenario;
    }

    @AfterEach
    void signEveryoneOut() {
        scenarios.forEach(Scenario::close);
        scenarios.clear();
    }
}
