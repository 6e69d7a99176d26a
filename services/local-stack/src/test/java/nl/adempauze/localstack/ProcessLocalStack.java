package nl.adempauze.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adempauze.localstack.process.ProcessStack;
import nl.adempauze.localstack.process.ServiceProcess;

/**
 * The local stack as production runs it: the broker, PostgreSQL and every service a process of its own, each
 * service as two instances (one consumer group and one database per service), behind the same front door on
 * http://localhost:8080 that takes the instances in turn and skips one that is down. Run it with
 * {@code ./mvnw -q -DskipTests -Pprocess-stack verify}; the README's curls work against it unchanged. Test code, as
 * the process stack is: the runnable jar keeps everything in one JVM.
 */
public final class ProcessLocalStack {

    private ProcessLocalStack() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        int instances = Integer.getInteger("adempauze.instances", 2);
        int port = Integer.getInteger("adempauze.port", 8080);
        String door = "http://localhost:" + port;
        Path directory = Path.of(System.getProperty("adempauze.process-stack.directory", "target"),
                "process-stack-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        DevOutbox outbox = DevOutbox.start(Integer.getInteger("adempauze.smtp.port", 3025), 0);
        Map<String, String> extra = new HashMap<>(outbox.notificationProperties());
        extra.put("adempauze.webhooks.allow-private-networks", "true");
        extra.put("adempauze.paging.public-url", door);
        extra.put("adempauze.paging.board-url", door + "/#/coordinator");
        ProcessStack stack = ProcessStack.start(new ProcessStack.Options(directory, LocalStack.seedFile(),
                System.getProperty("adempauze.dev-issuer.users"), ProcessStack.SMALL_SERVICE_JVM, extra,
                instances), Duration.ofMinutes(5));
        DemoRota.plan(stack.issuerUrl(), stack.notification().url());
        FrontDoor frontDoor = FrontDoor.start(port, stack.issuerUrl(), urls(stack, "bed-availability"),
                urls(stack, "request-matching"), urls(stack, "notification"), outbox);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            frontDoor.close();
            stack.close();
            outbox.close();
        }, "process-stack-shutdown"));
        System.out.printf("""

                ================================================================================
                 Adempauze is up in %.1f s as processes: %d instances of each service
                   Front door ............ %s  (the web app and the API; the README's curls work unchanged)
                %s
                   Kafka ................. %s    PostgreSQL ... localhost:%d (user postgres)
                   Logs .................. %s
                 Kill an instance (kill -9 <pid>) and the front door passes its requests to the other.
                 Stop with Ctrl+C.
                ================================================================================
                """, (System.nanoTime() - started) / 1e9, instances, door,
                stack.services().stream().map(ProcessLocalStack::line).collect(Collectors.joining("\n")),
                stack.kafka().bootstrapServers(), stack.postgres().port(), directory.resolve("logs"));
    }

    private static List<String> urls(ProcessStack stack, String service) {
        return stack.instances(service).stream().map(ServiceProcess::url).toList();
    }

    private static String line(ServiceProcess instance) {
        return "   %-22s %s  (pid %d)".formatted(instance.instance(), instance.url(), instance.pid());
    }
}
