package nl.adempauze.localstack;

import java.nio.file.Files;
import java.util.Arrays;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adempauze.embedded.EmbeddedKafkaServer;
import nl.adempauze.embedded.EmbeddedPostgresServer;
import nl.adempauze.embedded.KafkaServer;
import nl.adempauze.embedded.PostgresServer;
import nl.adempauze.localstack.issuer.DevIssuerApplication;

/**
 * Starts the whole system on one machine with only a JDK: a real KRaft broker and a real PostgreSQL (embedded),
 * the development issuer with the demo users, the three services with the demo region, and the front door on
 * http://localhost:8080. The database starts empty each time; stop with Ctrl+C.
 * <p>
 * With the argument {@code dev-issuer} it runs only the development issuer (as docker-compose does); further
 * arguments go to it, and it needs the {@code local} profile ({@code SPRING_PROFILES_ACTIVE=local}).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("dev-issuer")) {
            DevIssuerApplication.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        long started = System.nanoTime();
        int frontDoorPort = Integer.getInteger("adempauze.port", 8080);
        String seedFile = seedFile();
        PostgresServer postgres = EmbeddedPostgresServer.start(Integer.getInteger("adempauze.postgres.port", 15432));
        KafkaServer kafka = EmbeddedKafkaServer.start(Integer.getInteger("adempauze.kafka.port", 0));
        DevOutbox outbox = DevOutbox.start(Integer.getInteger("adempauze.smtp.port", 3025), 0);
        String door = "http://localhost:" + frontDoorPort;
        Map<String, String> extra = new HashMap<>(outbox.notificationProperties());
        // on a developer's machine the webhook receivers to try are local too
        extra.put("adempauze.webhooks.allow-private-networks", "true");
        // pages link the board and the acknowledgement through the front door
        extra.put("adempauze.paging.public-url", door);
        extra.put("adempauze.paging.board-url", door + "/#/coordinator");
        RunningServices services = RunningServices.start(postgres, kafka, new RunningServices.Settings(
                Integer.getInteger("adempauze.issuer.port", 8090), 8081, 8082, 8083, seedFile,
                System.getProperty("adempauze.dev-issuer.users"), "", extra));
        services.awaitReady(Duration.ofMinutes(2));
        DemoRota.plan(RunningServices.url(services.issuer), RunningServices.url(services.notification));
        FrontDoor frontDoor = FrontDoor.start(frontDoorPort, services, outbox);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            frontDoor.close();
            services.close();
            outbox.close();
            kafka.close();
            postgres.close();
        }, "local-stack-shutdown"));
        System.out.printf("""

                ================================================================================
                 Adempauze is up in %.1f s (demo regions 'drenthe' and 'groningen' from %s)
                   Web app ............... %s/  (coordinator, provider, referrer: pick a demo user)
                   Front door ............ %s
                   Sign in ............... every /api/ call needs a bearer token from the development issuer;
                                           demo users at %s/auth/users (every secret is 'demo'):
                     curl -s -u huisarts-assen:demo -d grant_type=client_credentials %s/auth/token
                   Capacity view ......... %s/api/v1/regions/drenthe/capacity
                   Respite waiting list .. %s/api/v1/regions/drenthe/waiting-list
                   Live stream (SSE) ..... %s/api/v1/live
                   On call (drenthe) ..... %s/api/v1/regions/drenthe/on-call  (coordinator-drenthe is primary)
                   Sent pages (outbox) ... %s/dev/outbox  (e-mail: SMTP 127.0.0.1:%d, SMS: stand-in gateway)
                   API documents ......... %s/docs/openapi/request-matching.yaml (and bed-availability, notification)
                   Event documents ....... %s/docs/asyncapi/asyncapi.yaml
                   Kafka ................. %s    PostgreSQL ... localhost:%d (user postgres)
                 Stop with Ctrl+C.
                ================================================================================
                """, (System.nanoTime() - started) / 1e9, seedFile, door, door, door, door, door, door, door, door,
                door, outbox.smtpPort(), door, door, kafka.bootstrapServers(), postgres.port());
    }

    /** The demo regions, Drenthe and its neighbour Groningen (one seed file each, comma-separated). */
    private static final List<String> DEMO_REGIONS = List.of("drenthe.json", "groningen.json");

    /** The repository's seeds of the demo regions when run from a clone, else the copies packaged in the build. */
    static String seedFile() {
        String configured = System.getProperty("adempauze.seed.file");
        if (configured != null) {
            return configured;
        }
        return DEMO_REGIONS.stream().map(file -> {
            Path inClone = Path.of("seeds", file);
            return Files.exists(inClone) ? inClone.toAbsolutePath().toString() : "classpath:seeds/" + file;
        }).collect(Collectors.joining(","));
    }
}
