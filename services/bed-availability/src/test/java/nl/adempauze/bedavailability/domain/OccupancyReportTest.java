package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.bedavailability.domain.MidnightCensus.Stand;
import nl.adempauze.bedavailability.domain.MidnightCensus.Taking;
import nl.adempauze.bedavailability.domain.OccupancyReport.Facts;
import nl.adempauze.bedavailability.domain.OccupancyReport.Key;
import nl.adempauze.bedavailability.domain.RegionOccupancy.BedsNow;
import nl.adempauze.bedavailability.domain.RegionOccupancy.CareTypeOccupancy;
import nl.adempauze.bedavailability.domain.RegionOccupancy.LocationOccupancy;
import org.junit.jupiter.api.Test;

class OccupancyReportTest {

    private static final LocalDate NIGHT = LocalDate.of(2026, 3, 10);
    private static final OccupancyPeriod PERIOD = new OccupancyPeriod(NIGHT, NIGHT.plusDays(1));
    private static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-03-01T09:00:00Z");
    private static final Region REGION = new Region("drenthe", "Drenthe", Duration.ofHours(12), List.of(
            careType("ELV_HOOG", false), careType("WMO_LOGEER", true), careType("GRZ", false)), List.of(), List.of(), List.of(), null);
    private static final Location ASSEN = location("loc-assen", "Assen");
    private static final Location EMMEN = location("loc-emmen", "Emmen");

    private static Region.CareType careType(String code, boolean plannedBooking) {
        return new Region.CareType(code, code, "ZVW", "CRISIS", Duration.ofMinutes(30), Duration.ofHours(24),
                Duration.ofHours(24), plannedBooking, 1, 14, null);
    }

    private static Location location(String id, String municipality) {
        return new Location(id, "drenthe", "provider", "Provider", "Huis " + municipality, null, municipality, 0, 0,
                List.of(), true, null, EARLIER);
    }

    private static NightCapacity night(String location, LocalDate night, int free, int held) {
        return new NightCapacity(location, "WMO_LOGEER", night, free, held, 0, 0, 0, 1, EARLIER, EARLIER);
    }

    @Test
    void everyCareTypeOfTheCatalogueWithTheLocationsKeepingItAndTheirSums() {
        Key assenElv = new Key(ASSEN.id(), "ELV_HOOG");
        Key emmenElv = new Key(EMMEN.id(), "ELV_HOOG");
        Key emmenWmo = new Key(EMMEN.id(), "WMO_LOGEER");
        Facts facts = new Facts(
                Map.of(emmenWmo, List.of(night(EMMEN.id(), NIGHT, 2, 1), night(EMMEN.id(), NIGHT.plusDays(1), 2, 2))),
                Map.of(),
                Set.of(emmenWmo),
                Map.of(assenElv, new CapacityFigure(ASSEN.id(), "ELV_HOOG", 2, 1, 3, EARLIER, EARLIER),
                        emmenElv, new CapacityFigure(EMMEN.id(), "ELV_HOOG", 1, 0, 1, EARLIER, EARLIER)),
                Map.of(assenElv, List.of(new Stand(EARLIER, 2, 1))),
                Map.of(assenElv, List.of(new Taking(EARLIER, null))));

        RegionOccupancy report = OccupancyReport.build(REGION, List.of(ASSEN, EMMEN), PERIOD, NOW, facts);

        assertThat(report.region()).isEqualTo("drenthe");
        assertThat(report.nights()).isEqualTo(2);
        assertThat(report.careTypes()).extracting(CareTypeOccupancy::careType)
                .containsExactly("ELV_HOOG", "WMO_LOGEER", "GRZ");

        CareTypeOccupancy elv = report.careTypes().get(0);
        assertThat(elv.plannedBooking()).isFalse();
        assertThat(elv.locations()).containsExactly(
                new LocationOccupancy(ASSEN.id(), "Huis Assen", "Assen", 2, 4, 0.5, new BedsNow(2, 1, 1)),
                new LocationOccupancy(EMMEN.id(), "Huis Emmen", "Emmen", 0, 0, null, new BedsNow(1, 0, 1)));
        assertThat(elv.takenBedNights()).isEqualTo(2);
        assertThat(elv.knownBedNights()).isEqualTo(4);
        assertThat(elv.occupancy()).isEqualTo(0.5);
        assertThat(elv.bedsNow()).isEqualTo(new BedsNow(3, 1, 2));

        CareTypeOccupancy wmo = report.careTypes().get(1);
        assertThat(wmo.plannedBooking()).isTrue();
        assertThat(wmo.locations()).containsExactly(
                new LocationOccupancy(EMMEN.id(), "Huis Emmen", "Emmen", 3, 4, 0.75, null));
        assertThat(wmo.occupancy()).isEqualTo(0.75);
        assertThat(wmo.bedsNow()).as("tonight is not published").isNull();

        CareTypeOccupancy grz = report.careTypes().get(2);
        assertThat(grz.locations()).isEmpty();
        assertThat(grz.knownBedNights()).isZero();
        assertThat(grz.occupancy()).isNull();
        assertThat(grz.bedsNow()).isNull();
    }

    @Test
    void tonightsNightIsTheCalendarsBedsNow() {
        Key emmenWmo = new Key(EMMEN.id(), "WMO_LOGEER");
        LocalDate tonight = NIGHT.plusDays(1);
        Facts facts = new Facts(Map.of(), Map.of(emmenWmo, night(EMMEN.id(), tonight, 3, 1)), Set.of(emmenWmo),
                Map.of(), Map.of(), Map.of());

        CareTypeOccupancy wmo = OccupancyReport.build(REGION, List.of(ASSEN, EMMEN), PERIOD, NOW, facts)
                .careTypes().get(1);

        assertThat(wmo.bedsNow()).isEqualTo(new BedsNow(3, 1, 2));
        assertThat(wmo.locations()).singleElement().satisfies(location -> {
            assertThat(location.knownBedNights()).as("nothing published in the period").isZero();
            assertThat(location.occupancy()).isNull();
        });
    }
}
