package nl.adempauze.localstack;

import java.util.Map;
import nl.adempauze.contracts.EventCatalogue;
import java.util.UUID;
import nl.adempauze.platform.testing.RealInfrastructure;

/**
 * The whole system, once per test JVM: real broker and database, the three services with the demo region,
 * the front door, and a duplicator that delivers every event a second time.
 */
final class E2eStack {

    private static E2eStack instance;

    final RealInfrastructure infrastructure = RealInfrastructure.get();
    final RunningServices services;
    final FrontDoor frontDoor;
    final EventDuplicator duplicator;

    private E2eStack() {
        String prefix = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
        services = RunningServices.start(infrastructure.postgres(), infrastructure.kafka(), new RunningServices.Settings(
                0, 0, 0, "classpath:seeds/drenthe.json", prefix,
                Map.of("adempauze.webhooks.initial-backoff", "PT0.2S", "adempauze.webhooks.allow-private-networks", "true")));
        frontDoor = FrontDoor.start(0, RunningServices.url(services.bedAvailability),
                RunningServices.url(services.requestMatching), RunningServices.url(services.notification));
        duplicator = new EventDuplicator(infrastructure.kafka().bootstrapServers());
        services.awaitReady(java.time.Duration.ofMinutes(2));
    }

    static synchronized E2eStack get() {
        if (instance == null) {
            instance = new E2eStack();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.duplicator.close();
                instance.frontDoor.close();
                instance.services.close();
            }));
        }
        return instance;
    }

    /** Waits until matching has read every location and capacity event, so it ranks from the current figures. */
    void awaitMatchingCaughtUp() {
        String kafka = infrastructure.kafka().bootstrapServers();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> ConsumerLag.of(kafka, "request-matching-replica", EventCatalogue.LOCATIONS.name()) == 0
                        && ConsumerLag.of(kafka, "request-matching-replica", EventCatalogue.CAPACITY.name()) == 0);
    }

    String url() {
        return "http://localhost:" + frontDoor.port();
    }
}
