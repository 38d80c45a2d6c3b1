package io.switchboard.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which failures are an outage (503, retry) and which are bugs (500). */
class StorageOutageClassificationTest {

    private static PgException pg(String sqlState) {
        return new PgException("server said so", "FATAL", sqlState, null);
    }

    @Test
    void connectionAndCapacityFailuresArePassing() {
        assertThat(StorageOutage.isTemporary(new ConnectException("Connection refused"))).isTrue();
        assertThat(StorageOutage.isTemporary(new CompletionException(new ConnectException("refused")))).isTrue();
        assertThat(StorageOutage.isTemporary(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(StorageOutage.isTemporary(new VertxException("Timeout waiting for connection", true))).isTrue();
        assertThat(StorageOutage.isTemporary(pg("08006"))).as("connection failure").isTrue();
        assertThat(StorageOutage.isTemporary(pg("57P01"))).as("admin shutdown").isTrue();
        assertThat(StorageOutage.isTemporary(pg("57P03"))).as("cannot connect now").isTrue();
        assertThat(StorageOutage.isTemporary(pg("53300"))).as("too many connections").isTrue();
        assertThat(StorageOutage.isTemporary(pg("53100"))).as("disk full").isTrue();
    }

    @Test
    void bugsAndDataErrorsAreNot() {
        assertThat(StorageOutage.isTemporary(pg("23505"))).as("unique violation").isFalse();
        assertThat(StorageOutage.isTemporary(pg("42P01"))).as("undefined table").isFalse();
        assertThat(StorageOutage.isTemporary(pg("57014"))).as("query cancelled").isFalse();
        assertThat(StorageOutage.isTemporary(new VertxException("something else", true))).isFalse();
        assertThat(StorageOutage.isTemporary(new NullPointerException())).isFalse();
        assertThat(StorageOutage.isTemporary(new IllegalStateException(new IllegalArgumentException()))).isFalse();
    }

    @Test
    void theLogDescriptionNamesTheKindAndStateNeverTheMessage() {
        assertThat(StorageOutage.describe(new CompletionException(pg("57P01")))).isEqualTo("PgException 57P01");
        assertThat(StorageOutage.describe(new ConnectException("Connection refused: localhost/127.0.0.1:5432")))
                .isEqualTo("ConnectException");
    }
}
