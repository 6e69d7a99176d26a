package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker stops for 30 seconds while GP posts keep sending crisis requests, then comes back: the requests are
 * still accepted during the outage (the outbox keeps their events in the database), and afterwards every one
 * answered 201 is offered, matched or escalated, and nothing is done twice.
 */
@Tag("fault")
class BrokerOutageFaultTest {

    @Test
    void everyRequestAcceptedDuringABrokerOutageIsAnsweredOnceTheBrokerIsBack() {
        FaultStack stack = FaultStack.get();
        try (CrisisLoad load = new CrisisLoad(stack, "broker stopped 30 s", 1000)) {
            load.start(5);
            load.keepSendingFor(Duration.ofSeconds(3));
            stack.processes.kafka().stop();
            load.keepSendingFor(Duration.ofSeconds(30));
            stack.processes.kafka().startAgain();
            load.keepSendingFor(Duration.ofSeconds(3));
            load.stop();

            CrisisLoad.Counts counts = load.awaitSettled(Duration.ofMinutes(2));

            // the requests are accepted during the outage too: their events wait in the outbox
            assertThat(counts.refused()).isZero();
            counts.assertNothingLostNothingTwice(5 * 30);
        }
    }
}
