package nl.adempauze.simulator.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.adempauze.bedavailability.domain.CapacityFigure;
import nl.adempauze.bedavailability.domain.HeldNight;
import nl.adempauze.bedavailability.domain.HoldRefusal;
import nl.adempauze.bedavailability.domain.NightCalendar;
import nl.adempauze.bedavailability.domain.NightCapacity;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.bedavailability.domain.StayDecision;
import nl.adempauze.bedavailability.domain.StayRequest;
import nl.adempauze.simulator.region.BedLocation;
import nl.adempauze.simulator.region.RegionModel;

/**
 * bed-availability in the replay: the only keeper of beds. Free-now care types are a {@link CapacityFigure} per
 * location (free beds, of which held); calendar care types a {@link NightCapacity} per night, every night published
 * with all the location's beds (assumption: providers keep their calendar published). A calendar hold is decided by
 * bed-availability's own {@link StayDecision} under its {@link ProtectionRule} and taken and given back through its
 * {@link NightCalendar}. The free-now hold is a conditional SQL update in the service (FreeNowBeds): mirrored here as
 * "take one when one is available".
 */
public final class Beds {

    /** A hold the replay keeps until the offer ends or the stay is over. */
    public record Held(String locationId, String region, String careType, List<HeldNight> nights) {

        public boolean onCalendar() {
            return nights != null;
        }
    }

    /** A hold's outcome: held, or refused with bed-availability's reason. */
    public record Decision(Held held, HoldRefusal refusal, int protectedReleased, int protectedOverridden) {
    }

    private final Map<String, RegionModel> regions;
    private final Map<String, CapacityFigure> freeNow = new HashMap<>();
    private final Map<String, Map<LocalDate, NightCapacity>> calendars = new HashMap<>();
    private final Instant publishedAt;

    public Beds(Map<String, RegionModel> regions, Instant publishedAt) {
        this.regions = regions;
        this.publishedAt = publishedAt;
        for (RegionModel region : regions.values()) {
            for (BedLocation location : region.locations()) {
                location.beds().forEach((careType, beds) -> {
                    if (!region.careType(careType).onCalendar()) {
                        freeNow.put(key(location.id(), careType),
                                new CapacityFigure(location.id(), careType, beds, 0, 1, publishedAt, publishedAt));
                    }
                });
            }
        }
    }

    /** The location's free-now figure for the care type, or null when it has none. */
    public CapacityFigure figure(String locationId, String careType) {
        return freeNow.get(key(locationId, careType));
    }

    /** The night as bed-availability keeps it: published with all the location's beds on first use. */
    public NightCapacity night(BedLocation location, String careType, LocalDate night) {
        return calendars.computeIfAbsent(key(location.id(), careType), k -> new HashMap<>())
                .computeIfAbsent(night, date -> NightCapacity.unpublished(location.id(), careType, date)
                        .publish(location.bedsOf(careType), publishedAt));
    }

    /** Holds one bed free now, if one is available (FreeNowBeds.takeOne's conditional update). */
    public Decision holdFreeNow(BedLocation location, String careType) {
        CapacityFigure figure = figure(location.id(), careType);
        if (figure == null) {
            return new Decision(null, HoldRefusal.CARE_TYPE_NOT_OFFERED, 0, 0);
        }
        if (figure.availableBeds() <= 0) {
            return new Decision(null, HoldRefusal.NO_FREE_BED, 0, 0);
        }
        adjustFreeNow(location.id(), careType, 0, 1);
        return new Decision(new Held(location.id(), location.region(), careType, null), null, 0, 0);
    }

    /** Holds a bed on every night of the stay or on none, as bed-availability's StayNights does. */
    public Decision holdStay(BedLocation location, String careType, StayRequest stay, Instant now) {
        ProtectionRule rule = regions.get(location.region()).protectionOf(careType);
        List<NightCapacity> rows = new ArrayList<>();
        stay.dates().forEach(date -> rows.add(night(location, careType, date)));
        StayDecision decision = StayDecision.decide(stay, rows, rule, now);
        if (!decision.held()) {
            return new Decision(null, decision.refusal(), 0, 0);
        }
        NightCalendar taken = new NightCalendar(location.region(), location.id(), careType, rule, rows)
                .take(decision.nights(), now).aggregate();
        store(location.id(), careType, taken);
        return new Decision(new Held(location.id(), location.region(), careType, decision.nights()), null,
                decision.count(nl.adempauze.bedavailability.domain.NightTake.RELEASED),
                decision.count(nl.adempauze.bedavailability.domain.NightTake.OVERRIDDEN));
    }

    /** The offer ended without admission: the bed, or every night of the stay, goes back exactly as taken. */
    public void release(Held held, Instant now) {
        if (held.onCalendar()) {
            BedLocation location = regions.get(held.region()).location(held.locationId()).orElseThrow();
            List<NightCapacity> rows = held.nights().stream()
                    .map(night -> night(location, held.careType(), night.night())).toList();
            NightCalendar given = new NightCalendar(held.region(), held.locationId(), held.careType(),
                    regions.get(held.region()).protectionOf(held.careType()), rows)
                    .giveBack(held.nights(), "RELEASE", now).aggregate();
            store(held.locationId(), held.careType(), given);
        } else {
            adjustFreeNow(held.locationId(), held.careType(), 0, -1);
        }
    }

    /** The patient arrived in a free-now bed: no longer free, no longer held (HoldService.admit). */
    public void admit(Held held) {
        if (!held.onCalendar()) {
            adjustFreeNow(held.locationId(), held.careType(), -1, -1);
        }
    }

    /** The patient left a free-now bed: free again. A stay's nights were slept and stay as they are. */
    public void discharge(Held held) {
        if (!held.onCalendar()) {
            adjustFreeNow(held.locationId(), held.careType(), 1, 0);
        }
    }

    private void adjustFreeNow(String locationId, String careType, int freeDelta, int heldDelta) {
        CapacityFigure figure = freeNow.get(key(locationId, careType));
        freeNow.put(key(locationId, careType), new CapacityFigure(locationId, careType,
                figure.freeBeds() + freeDelta, figure.heldBeds() + heldDelta, figure.version() + 1,
                figure.publishedAt(), figure.adjustedAt()));
    }

    private void store(String locationId, String careType, NightCalendar calendar) {
        Map<LocalDate, NightCapacity> nights = calendars.get(key(locationId, careType));
        calendar.nights().forEach(night -> nights.put(night.night(), night));
    }

    private static String key(String locationId, String careType) {
        return locationId + "/" + careType;
    }
}
