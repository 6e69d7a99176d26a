package nl.adempauze.localstack;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL (the one server all three services keep their databases in) is restarted while crisis requests keep
 * coming: requests that arrive while it is down are refused, and every one answered 201 is afterwards offered,
 * matched or escalated, nothing twice; the services recover without a restart of their own.
 */
@Tag("fault")
class DatabaseRestartFaultTest {

    @Test
    void everyAcceptedRequestIsAnsweredOnceAfterTheDatabaseRestarts() {
        FaultStack stack = FaultStack.get();
        try (CrisisLoad load = new CrisisLoad(stack, "database restarted", 1000)) {
            load.start(5);
            load.keepSendingFor(Duration.ofSeconds(3));
            stack.processes.postgres().stop();
            load.keepSendingFor(Duration.ofSeconds(5));
            stack.processes.postgres().startAgain();
            load.keepSendingFor(Duration.ofSeconds(5));
            load.stop();

            load.awaitSettled(Duration.ofMinutes(2)).assertNothingLostNothingTwice(10);
        }
    }
}
