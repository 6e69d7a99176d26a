package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.adempauze.localstack.process.ProcessStack;
import nl.adempauze.localstack.process.ServiceProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every service runs as two instances; one instance of each (the first, in a second round the second) is killed at once (SIGKILL: no shutdown hook, work in
 * flight cut off, its consumer-group membership left to time out) while crisis requests keep coming, and started
 * again. The other instances serve on: a POST cut off by the kill is sent to the other instance of request-matching
 * with its key, so no request is refused; every request ends offered once, and nothing is done twice.
 */
@Tag("fault")
class InstanceCrashFaultTest {

    @Test
    void everyRequestIsAnsweredOnceWhenOneInstanceOfEachServiceIsKilledMidFlow() {
        for (int round = 1; round <= FaultVolume.ROUNDS; round++) {
            inject(round);
        }
    }

    private void inject(int round) {
        FaultStack stack = FaultStack.get();
        List<ServiceProcess> killed = ProcessStack.SERVICE_NAMES.stream()
                .map(name -> stack.processes.instances(name).get((round - 1) % FaultStack.INSTANCES)).toList();
        try (CrisisLoad load = new CrisisLoad(stack, FaultVolume.round("one instance of each service killed", round),
                FaultVolume.BEDS)) {
            load.start(FaultVolume.RATE);
            load.keepSendingFor(FaultVolume.around());
            killed.forEach(ServiceProcess::kill);
            load.keepSendingFor(FaultVolume.around());
            killed.forEach(ServiceProcess::start);
            killed.forEach(instance -> instance.awaitReady(Duration.ofMinutes(2)));
            load.keepSendingFor(FaultVolume.around());
            load.stop();

            CrisisLoad.Counts counts = load.awaitSettled(FaultVolume.settle());

            // the other instance of request-matching took every POST the killed one could not answer
            assertThat(counts.refused()).as("refused while one instance of request-matching lived").isZero();
            counts.assertNothingLostNothingTwice(FaultVolume.RATE * FaultVolume.LOAD_SECONDS);
        }
    }
}
