package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker is killed (SIGKILL: no controlled shutdown, its log recovered at the next start) while GP posts keep
 * sending crisis requests, stays away for 10 seconds, and starts again: the requests are still accepted during the
 * outage (the outbox keeps their events in the database), and afterwards every one is offered once, nothing twice.
 */
@Tag("fault")
class BrokerKillFaultTest {

    private static final Duration DOWN = Duration.ofSeconds(10);

    @Test
    void everyRequestAcceptedWhileTheBrokerIsDeadIsAnsweredOnceItIsBack() {
        for (int round = 1; round <= FaultVolume.ROUNDS; round++) {
            inject(round);
        }
    }

    private void inject(int round) {
        FaultStack stack = FaultStack.get();
        try (CrisisLoad load = new CrisisLoad(stack, FaultVolume.round("broker killed (SIGKILL), 10 s away", round), FaultVolume.BEDS)) {
            load.start(FaultVolume.RATE);
            load.keepSendingFor(FaultVolume.around());
            stack.processes.kafka().kill();
            load.keepSendingFor(DOWN);
            stack.processes.kafka().startAgain();
            load.keepSendingFor(FaultVolume.around());
            load.stop();

            CrisisLoad.Counts counts = load.awaitSettled(FaultVolume.settle());

            // accepted during the outage too: their events waited in the outbox
            assertThat(counts.refused()).as("refused while the broker was away").isZero();
            counts.assertNothingLostNothingTwice((int) (FaultVolume.RATE * DOWN.toSeconds()));
        }
    }
}
