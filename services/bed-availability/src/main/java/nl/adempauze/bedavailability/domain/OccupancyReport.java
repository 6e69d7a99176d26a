package nl.adempauze.bedavailability.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.bedavailability.domain.RegionOccupancy.BedsNow;
import nl.adempauze.bedavailability.domain.RegionOccupancy.CareTypeOccupancy;
import nl.adempauze.bedavailability.domain.RegionOccupancy.LocationOccupancy;

/**
 * Puts a region's occupancy together from what is stored, per care type of the catalogue and per location that
 * keeps it: on the calendar ({@link NightOccupancy}) or as a free-now figure ({@link MidnightCensus}). A care type's
 * figures are the sums of its locations'. Plain Java: {@link OccupancyService} reads the facts.
 */
public final class OccupancyReport {

    private OccupancyReport() {
    }

    /** One care type at one location. */
    public record Key(String locationId, String careType) {
    }

    /**
     * What is stored about the region. Calendar: the nights of the period, tonight's night, and which locations
     * keep which care type on their calendar. Free now: the current figures, the figure's stands (in time order)
     * from the last one before the period's first midnight, and the beds holds took around the period.
     */
    public record Facts(Map<Key, List<NightCapacity>> periodNights, Map<Key, NightCapacity> tonight,
                        Set<Key> calendars, Map<Key, CapacityFigure> figures,
                        Map<Key, List<MidnightCensus.Stand>> stands,
                        Map<Key, List<MidnightCensus.Taking>> takings) {
    }

    public static RegionOccupancy build(Region region, List<Location> locations, OccupancyPeriod period,
                                        Instant now, Facts facts) {
        List<CareTypeOccupancy> careTypes = region.careTypes().stream()
                .map(type -> careType(type, locations, period, now, facts)).toList();
        return new RegionOccupancy(region.id(), period.from(), period.to(), period.nights().size(), now, careTypes);
    }

    private static CareTypeOccupancy careType(Region.CareType type, List<Location> locations, OccupancyPeriod period,
                                              Instant now, Facts facts) {
        List<LocationOccupancy> rows = new ArrayList<>();
        Occupancy total = Occupancy.NONE;
        BedsNow bedsNow = null;
        for (Location location : locations) {
            Key key = new Key(location.id(), type.code());
            boolean kept = type.plannedBooking() ? facts.calendars().contains(key)
                    : facts.figures().containsKey(key) || facts.stands().containsKey(key);
            if (!kept) {
                continue;
            }
            Occupancy occupancy = type.plannedBooking()
                    ? NightOccupancy.of(facts.periodNights().getOrDefault(key, List.of()), period)
                    : MidnightCensus.count(facts.stands().getOrDefault(key, List.of()),
                            facts.takings().getOrDefault(key, List.of()), period, now);
            BedsNow here = type.plannedBooking()
                    ? (facts.tonight().containsKey(key) ? BedsNow.of(facts.tonight().get(key)) : null)
                    : (facts.figures().containsKey(key) ? BedsNow.of(facts.figures().get(key)) : null);
            rows.add(new LocationOccupancy(location.id(), location.name(), location.municipality(),
                    occupancy.takenBedNights(), occupancy.knownBedNights(), occupancy.ratio(), here));
            total = total.plus(occupancy);
            if (here != null) {
                bedsNow = bedsNow == null ? here : bedsNow.plus(here);
            }
        }
        return new CareTypeOccupancy(type.code(), type.name(), type.plannedBooking(), total.takenBedNights(),
                total.knownBedNights(), total.ratio(), bedsNow, rows);
    }
}
