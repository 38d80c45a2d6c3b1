package io.switchboard.mention.triage;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.switchboard.events.mention.Triage;
import io.switchboard.mention.infra.MentionMetrics;
import io.switchboard.mention.mention.Mention;
import jakarta.enterprise.context.ApplicationScoped;

/** The triage of every accepted mention, timed per channel. */
@ApplicationScoped
public class TriageService {

    /** Our own accounts: {@code switchboard.brand.handles} and {@code switchboard.brand.platform-ids}. */
    @ConfigMapping(prefix = "switchboard.brand")
    public interface BrandConfig {
        Optional<List<String>> handles();

        @WithName("platform-ids")
        Optional<List<String>> platformIds();
    }

    private final Triager triager;
    private final MentionMetrics metrics;

    public TriageService(BrandConfig brand, MentionMetrics metrics) {
        this.triager = new Triager(new BrandAccounts(brand.handles().orElse(List.of()),
                brand.platformIds().orElse(List.of())));
        this.metrics = metrics;
    }

    public Triage assess(Mention mention) {
        long start = System.nanoTime();
        Triage triage = triager.assess(mention);
        metrics.triageTime(mention.channel(), System.nanoTime() - start);
        return triage;
    }
}
