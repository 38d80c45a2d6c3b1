package io.switchboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] micros = LongStream.rangeClosed(1, 1000).map(i -> i * 1000).toArray(); // 1..1000 ms, shuffled order irrelevant

        Latencies latencies = Latencies.of(micros);

        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.p50()).isEqualTo(500.0);
        assertThat(latencies.p95()).isEqualTo(950.0);
        assertThat(latencies.p99()).isEqualTo(990.0);
        assertThat(latencies.max()).isEqualTo(1000.0);
    }

    @Test
    void noSamplesGiveZeros() {
        assertThat(Latencies.of(new long[0]).count()).isZero();
    }
}
