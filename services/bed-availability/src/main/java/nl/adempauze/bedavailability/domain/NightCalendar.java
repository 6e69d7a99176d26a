package nl.adempauze.bedavailability.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;

/**
 * The nights of one care type at one location that one change touches together, as they stand under the change's
 * locks: a publication, or a stay taking or giving back its beds. Each night changes through its own
 * {@link NightCapacity#LIFE}; the change is announced as one event with the nights it changed, in night order, as
 * the region's {@code protection} rule shows them.
 */
public record NightCalendar(String region, String locationId, String careType, ProtectionRule protection,
                            List<NightCapacity> nights) {

    public NightCalendar {
        nights = List.copyOf(nights);
    }

    /** A stay takes a bed on each of its nights, each the way {@link StayDecision} chose. */
    public Changed<NightCalendar> take(List<HeldNight> held, Instant at) {
        List<NightCapacity> changed = held.stream().map(night -> night(night.night()).take(night, at)).toList();
        return Changed.of(with(changed), adjusted(changed, "HOLD", at));
    }

    /** A stay gives back the beds it took on these nights, exactly as it took them ({@code cause} says why). */
    public Changed<NightCalendar> giveBack(List<HeldNight> held, String cause, Instant at) {
        List<NightCapacity> changed = held.stream().map(night -> night(night.night()).giveBack(night, at)).toList();
        return Changed.of(with(changed), adjusted(changed, cause, at));
    }

    /**
     * The provider publishes free beds for these nights, checked as a whole: not one night below the beds stays hold
     * on it (refused on the range that asked for it), or nothing is published.
     */
    public Changed<NightCalendar> publish(List<NightRanges.PublishedNight> toPublish, Instant at) {
        for (NightRanges.PublishedNight asked : toPublish) {
            String refusal = NightCapacity.publishRefusal(asked.freeBeds(), night(asked.night()).heldBeds());
            if (refusal != null) {
                throw DomainException.invalidField("nights[" + asked.range() + "].freeBeds",
                        "The night of " + asked.night() + ": " + refusal);
            }
        }
        List<NightCapacity> changed = toPublish.stream()
                .map(asked -> night(asked.night()).publish(asked.freeBeds(), at))
                .sorted(Comparator.comparing(NightCapacity::night)).toList();
        return Changed.of(with(changed), new NightCapacityPublished(locationId, region, careType,
                changed.stream().map(night -> night.figure(protection)).toList(), at));
    }

    /** The night as it stands here, or unpublished when the provider never published it. */
    public NightCapacity night(LocalDate date) {
        return nights.stream().filter(night -> night.night().equals(date)).findFirst()
                .orElseGet(() -> NightCapacity.unpublished(locationId, careType, date));
    }

    private NightCalendar with(List<NightCapacity> changed) {
        Map<LocalDate, NightCapacity> byNight = new LinkedHashMap<>(nights.stream()
                .collect(Collectors.toMap(NightCapacity::night, Function.identity(), (a, b) -> a)));
        changed.forEach(night -> byNight.put(night.night(), night));
        return new NightCalendar(region, locationId, careType, protection, byNight.values().stream()
                .sorted(Comparator.comparing(NightCapacity::night)).toList());
    }

    private NightCapacityAdjusted adjusted(List<NightCapacity> changed, String cause, Instant at) {
        return new NightCapacityAdjusted(locationId, region, careType,
                changed.stream().map(night -> night.figure(protection)).toList(), cause, at);
    }
}
