package nl.adempauze.localstack;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL (the one server all services keep their databases in) is killed under load as a crash of its machine
 * would kill it: SIGKILL to the postmaster and every backend at once, no checkpoint, no clean shutdown. It starts
 * again with crash recovery from its write-ahead log; the services are not restarted. Requests that arrive while it
 * is down are refused (and sent again with their keys); every request answered 201 before the crash must still
 * be there afterwards (a commit is durable once answered), and nothing is done twice.
 */
@Tag("fault")
class DatabaseKillFaultTest {

    private static final Duration DOWN = Duration.ofSeconds(5);

    @Test
    void everyAcceptedRequestSurvivesADatabaseCrashAndIsAnsweredOnce() {
        for (int round = 1; round <= FaultVolume.ROUNDS; round++) {
            inject(round);
        }
    }

    private void inject(int round) {
        FaultStack stack = FaultStack.get();
        try (CrisisLoad load = new CrisisLoad(stack, FaultVolume.round("database killed (SIGKILL) and recovered", round),
                FaultVolume.BEDS)) {
            load.start(FaultVolume.RATE);
            load.keepSendingFor(FaultVolume.around());
            stack.processes.postgres().kill();
            load.keepSendingFor(DOWN);
            stack.processes.postgres().startAgain();
            load.keepSendingFor(FaultVolume.around());
            load.stop();

            load.awaitSettled(FaultVolume.settle()).assertNothingLostNothingTwice(FaultVolume.RATE);
        }
    }
}
