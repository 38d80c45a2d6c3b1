package io.switchboard.ticket.sla;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the SLA scanner on every replica; the scanner's claims make that safe. */
@ApplicationScoped
public class SlaSchedule {

    private static final Logger LOG = Logger.getLogger(SlaSchedule.class);

    @Inject
    SlaScanner scanner;

    @Scheduled(every = "${switchboard.sla.scan-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scan() {
        return scanner.scan().replaceWithVoid().onFailure().recoverWithItem(e -> {
            LOG.warnf("SLA scan failed (%s); the next scan retries", e.getClass().getSimpleName());
            return null;
        });
    }
}
