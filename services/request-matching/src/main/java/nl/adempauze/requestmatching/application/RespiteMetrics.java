package nl.adempauze.requestmatching.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import nl.adempauze.requestmatching.domain.WaitingListLength;
import org.springframework.stereotype.Component;

/**
 * The coordinator's numbers as Micrometer metrics, per region and care type: planned nights booked, planned
 * (protected) nights taken by crisis by release and by override, offers declined by reason, waiting-list length and
 * time waited. The durable figures for reports come from the database (see the figures endpoint); these are for
 * live dashboards and alerts.
 */
@Component
public class RespiteMetrics {

    private final MeterRegistry registry;
    private final MultiGauge waitingListLength;

    public RespiteMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.waitingListLength = MultiGauge.builder("adempauze.waiting.list.length")
                .description("Planned requests waiting for a bed").register(registry);
    }

    public void nightsBooked(String region, String careType, int nights) {
        registry.counter("adempauze.planned.nights.booked", tags(region, careType)).increment(nights);
    }

    public void protectedNightsTakenByCrisis(String region, String careType, int released, int overridden) {
        if (released > 0) {
            registry.counter("adempauze.protected.nights.taken.by.crisis", tags(region, careType).and("by", "release"))
                    .increment(released);
        }
        if (overridden > 0) {
            registry.counter("adempauze.protected.nights.taken.by.crisis", tags(region, careType).and("by", "override"))
                    .increment(overridden);
        }
    }

    public void offerDeclined(String region, String careType, String reasonCode) {
        registry.counter("adempauze.offers.declined", tags(region, careType).and("reason", reasonCode)).increment();
    }

    public void waited(String region, String careType, Duration waited) {
        registry.timer("adempauze.waiting.list.waited", tags(region, careType)).record(waited);
    }

    public void waitingListLengths(List<WaitingListLength> lengths) {
        waitingListLength.register(lengths.stream()
                .map(length -> MultiGauge.Row.of(tags(length.region(), length.careType()), length.requests()))
                .toList(), true);
    }

    private static Tags tags(String region, String careType) {
        return Tags.of("region", region, "careType", careType);
    }
}
