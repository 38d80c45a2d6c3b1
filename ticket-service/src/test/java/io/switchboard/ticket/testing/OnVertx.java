package io.switchboard.ticket.testing;

import java.time.Duration;
import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs reactive work (Hibernate Reactive sessions need a safe, duplicated Vert.x context, as the
 * service's own consumers and endpoints have) from a test thread and waits for its result.
 */
@ApplicationScoped
public class OnVertx {

    @Inject
    Vertx vertx;

    public <T> T await(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<T>emitter(emitter -> context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        })).await().atMost(Duration.ofSeconds(60));
    }
}
