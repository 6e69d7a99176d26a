package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CapacityFigureTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(720);

    private static CapacityFigure figure(int freeBeds, int heldBeds) {
        return new CapacityFigure("loc-1", "ELV_HOOG", freeBeds, heldBeds, 1, PUBLISHED, PUBLISHED);
    }

    @Test
    void onlyFreeBedsNotHeldForOffersAreAvailable() {
        assertThat(figure(3, 0).availableBeds()).isEqualTo(3);
        assertThat(figure(3, 2).availableBeds()).isEqualTo(1);
        assertThat(figure(2, 2).availableBeds()).isZero();
    }

    @Test
    void figureIsFreshUpToAndIncludingTheEndOfTheFreshnessWindow() {
        assertThat(figure(1, 0).isStale(PUBLISHED, WINDOW)).isFalse();
        assertThat(figure(1, 0).isStale(PUBLISHED.plus(WINDOW).minusNanos(1), WINDOW)).isFalse();
        assertThat(figure(1, 0).isStale(PUBLISHED.plus(WINDOW), WINDOW)).isFalse();
    }

    @Test
    void figureIsStaleOnceTheFreshnessWindowHasPassed() {
        assertThat(figure(1, 0).isStale(PUBLISHED.plus(WINDOW).plusNanos(1), WINDOW)).isTrue();
        assertThat(figure(1, 0).isStale(PUBLISHED.plus(Duration.ofDays(2)), WINDOW)).isTrue();
    }

    @Test
    void anAdjustmentDoesNotMakeAnOldPublicationFresh() {
        CapacityFigure adjustedJustNow = new CapacityFigure("loc-1", "ELV_HOOG", 2, 1, 5, PUBLISHED,
                PUBLISHED.plus(WINDOW).plusSeconds(30));
        assertThat(adjustedJustNow.isStale(PUBLISHED.plus(WINDOW).plusSeconds(60), WINDOW)).isTrue();
    }

    @Test
    void providerMayPublishAnyNumberOfFreeBedsAtOrAboveTheHeldBeds() {
        assertThat(CapacityFigure.publishRefusal(0, 0)).isNull();
        assertThat(CapacityFigure.publishRefusal(2, 2)).isNull();
        assertThat(CapacityFigure.publishRefusal(10, 2)).isNull();
    }

    @Test
    void providerCannotPublishFewerFreeBedsThanAreHeldForOffers() {
        assertThat(CapacityFigure.publishRefusal(1, 2))
                .contains("2 bed(s) are held")
                .contains("publish at least 2");
        assertThat(CapacityFigure.publishRefusal(0, 1)).isNotNull();
    }
}
