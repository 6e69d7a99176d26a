package nl.adempauze.bedavailability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.adempauze.bedavailability.BedAvailabilityApplication;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.seed.RegionSeed;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.ServiceInstances;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Two instances of bed-availability started at the same moment on an empty database, both with the seed file: both
 * start (Flyway migrates once under its own lock, the seed is loaded under a lock per region) and the region is
 * there once, each location registered and announced once.
 */
@SpringJUnitConfig(ServiceInstances.OthersPaused.class)
class SeedOnSeveralInstancesTest {

    private static final String SEED = "classpath:seeds/twente.json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void twoInstancesStartingAtOnceBothStartAndTheSeedIsLoadedOnce() {
        RegionSeed seed = RegionSeed.read(SEED);
        List<String> seeded = seed.locations().stream().map(RegionSeed.Location::id).toList();
        assertThat(seeded).isNotEmpty();
        try (TopicRecorder recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.LOCATIONS.name()));
             ServiceInstances instances = ServiceInstances.start(BedAvailabilityApplication.class, "bed-availability",
                     2, Map.of("adempauze.seed.file", SEED))) {
            DatabaseClient db = instances.get(0).getBean(DatabaseClient.class);
            assertThat(count(db, "SELECT count(*) FROM region WHERE id = '" + seed.region().id() + "'")).isOne();
            assertThat(count(db, "SELECT count(*) FROM location")).isEqualTo(seeded.size());

            await().atMost(TIMEOUT).until(() -> registered(recorder).containsAll(seeded));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> registered(recorder).size() == seeded.size());
            assertThat(registered(recorder)).containsExactlyInAnyOrderElementsOf(seeded);
        }
    }

    private static List<String> registered(TopicRecorder recorder) {
        return recorder.payloads(LocationRegistered.class, location -> location.region().equals("twente")).stream()
                .map(LocationRegistered::locationId).toList();
    }

    private static long count(DatabaseClient db, String sql) {
        return db.sql(sql).map((row, meta) -> row.get(0, Long.class)).one().block(TIMEOUT);
    }
}
