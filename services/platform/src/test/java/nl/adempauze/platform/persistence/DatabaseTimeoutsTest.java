package nl.adempauze.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.adempauze.platform.messaging.TransientFailures;
import nl.adempauze.platform.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;

/** Every connection the services use carries the platform's timeouts, so no database call waits without end. */
class DatabaseTimeoutsTest extends PlatformIntegrationTest {

    @Test
    void everyConnectionHasStatementLockAndIdleInTransactionTimeouts() {
        assertThat(show("statement_timeout")).as("set small for these tests (default 10s)").isEqualTo("2s");
        assertThat(show("lock_timeout")).isEqualTo("5s");
        assertThat(show("idle_in_transaction_session_timeout")).isEqualTo("30s");
    }

    @Test
    void aStatementRunningLongerThanTheTimeoutIsCancelled() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> db.sql("SELECT pg_sleep(5)").then().block(Duration.ofSeconds(10)))
                .hasMessageContaining("statement timeout")
                // a consumer that meets it retries the record, it does not dead-letter it
                .matches(TransientFailures::isTransient, "a transient failure");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    private String show(String setting) {
        return db.sql("SHOW " + setting).map((row, meta) -> row.get(0, String.class)).one().block(Duration.ofSeconds(10));
    }
}
