package nl.adempauze.localstack;

import java.time.Duration;
import java.util.function.Function;
import nl.adempauze.localstack.process.ProcessStack;
import nl.adempauze.localstack.process.ServiceProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service is killed (SIGKILL: no shutdown hook, work in flight cut off) while crisis requests keep coming, and
 * started again: every request answered 201 is afterwards offered, matched or escalated, and nothing is done twice.
 * While request-matching is down its requests are refused, not lost: the GP post sees the error.
 */
@Tag("fault")
class ServiceCrashFaultTest {

    @ParameterizedTest(name = "{0} killed mid-flow")
    @ValueSource(strings = {"bed-availability", "request-matching", "notification"})
    void everyAcceptedRequestIsAnsweredOnceAfterAServiceIsKilledMidFlow(String name) {
        FaultStack stack = FaultStack.get();
        Function<ProcessStack, ServiceProcess> service = processes -> processes.services().stream()
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        try (CrisisLoad load = new CrisisLoad(stack, name + " killed", 1000)) {
            load.start(5);
            load.keepSendingFor(Duration.ofSeconds(3));
            stack.killAndRestart(service.apply(stack.processes));
            load.keepSendingFor(Duration.ofSeconds(3));
            load.stop();

            load.awaitSettled(Duration.ofMinutes(2)).assertNothingLostNothingTwice(10);
        }
    }
}
