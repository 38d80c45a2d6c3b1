package io.switchboard.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which origins may open the live connection on a cookie session. */
class SameOriginUpgradeTest {

    private final SameOriginUpgrade check = new SameOriginUpgrade();

    @Test
    void onlyTheGatewaysOwnOriginByDefault() {
        check.allowedOrigins = Optional.empty();
        assertThat(check.allowed("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(check.allowed("https://agents.example.com", "agents.example.com")).isTrue();
        assertThat(check.allowed("http://localhost:8081", "localhost:8080")).isFalse();
        assertThat(check.allowed("https://evil.example", "agents.example.com")).isFalse();
        assertThat(check.allowed("https://agents.example.com.evil.example", "agents.example.com")).isFalse();
        assertThat(check.allowed("null", "agents.example.com")).isFalse();
    }

    @Test
    void configuredOriginsToo() {
        check.allowedOrigins = Optional.of(List.of("https://agents.example.com"));
        assertThat(check.allowed("https://agents.example.com", "gateway.internal:8080")).isTrue();
        assertThat(check.allowed("https://other.example.com", "gateway.internal:8080")).isFalse();
    }
}
