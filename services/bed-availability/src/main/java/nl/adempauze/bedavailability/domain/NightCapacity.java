package nl.adempauze.bedavailability.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.domain.TransitionTable;

/**
 * The calendar capacity of one night of one care type at one location: the beds the provider published as free,
 * and of those the beds held by planned and by crisis stays. Of the crisis stays' beds, {@code crisisReleased}
 * were protected beds released close to the night and {@code crisisOverridden} protected beds taken by a
 * coordinator's override. A night's life is {@link #LIFE}: it is published before a stay can take or give back a
 * bed on it; how many beds there are is checked by the methods themselves. The nights one change touches together
 * are a {@link NightCalendar}.
 */
public record NightCapacity(String locationId, String careType, LocalDate night, int freeBeds, int plannedHeld,
                            int crisisHeld, int crisisReleased, int crisisOverridden, long version,
                            Instant publishedAt, Instant adjustedAt) {

    /** The life of a night: every allowed step; anything else is refused. */
    public static final TransitionTable<NightStatus, NightCommand> LIFE =
            TransitionTable.of("Night", NightStatus.class, NightCommand.class)
                    .allow(NightCommand.PUBLISH, NightStatus.PUBLISHED, NightStatus.UNPUBLISHED, NightStatus.PUBLISHED)
                    .allow(NightCommand.TAKE, NightStatus.PUBLISHED, NightStatus.PUBLISHED)
                    .allow(NightCommand.GIVE_BACK, NightStatus.PUBLISHED, NightStatus.PUBLISHED)
                    .build();

    /** A night the provider never published: no beds, and nothing to take. */
    public static NightCapacity unpublished(String locationId, String careType, LocalDate night) {
        return new NightCapacity(locationId, careType, night, 0, 0, 0, 0, 0, 0, null, null);
    }

    public NightStatus status() {
        return publishedAt == null ? NightStatus.UNPUBLISHED : NightStatus.PUBLISHED;
    }

    /** This night with {@code newFreeBeds} published as free; never fewer than the beds stays hold on it. */
    public NightCapacity publish(int newFreeBeds, Instant at) {
        LIFE.next(status(), NightCommand.PUBLISH);
        String refusal = publishRefusal(newFreeBeds, heldBeds());
        if (refusal != null) {
            throw DomainException.invalidField("freeBeds", refusal);
        }
        return new NightCapacity(locationId, careType, night, newFreeBeds, plannedHeld, crisisHeld, crisisReleased,
                crisisOverridden, version + 1, at, at);
    }

    /** This night after a stay took an available bed the way {@code held} says ({@link NightDecision} chose it). */
    public NightCapacity take(HeldNight held, Instant at) {
        LIFE.next(status(), NightCommand.TAKE);
        if (availableBeds() <= 0) {
            throw DomainException.conflict("No bed left", "The night of " + night + " has no bed available");
        }
        return with(held, at);
    }

    /** This night after a stay gave back the bed it took the way {@code held} says. */
    public NightCapacity giveBack(HeldNight held, Instant at) {
        LIFE.next(status(), NightCommand.GIVE_BACK);
        return without(held, at);
    }

    public int heldBeds() {
        return plannedHeld + crisisHeld;
    }

    public int availableBeds() {
        return freeBeds - heldBeds();
    }

    /** The night's protected beds under the rule (none without one). */
    public int protectedBeds(ProtectionRule rule) {
        return rule == null ? 0 : rule.protectedOf(freeBeds);
    }

    /**
     * Of the available beds, those still protected: planned stays use protected beds first, so only the protected
     * beds they have not claimed are kept from crisis.
     */
    public int unclaimedProtected(ProtectionRule rule) {
        return Math.min(availableBeds(), Math.max(0, protectedBeds(rule) - plannedHeld));
    }

    /** This night after a stay took one bed the way {@code held} says. */
    public NightCapacity with(HeldNight held, Instant at) {
        return change(held, 1, at);
    }

    /** This night after a stay gave back the bed it took the way {@code held} says. */
    public NightCapacity without(HeldNight held, Instant at) {
        return change(held, -1, at);
    }

    private NightCapacity change(HeldNight held, int delta, Instant at) {
        if (!held.night().equals(night)) {
            throw new IllegalArgumentException("Night " + held.night() + " is not night " + night);
        }
        return new NightCapacity(locationId, careType, night, freeBeds,
                plannedHeld + (held.planned() ? delta : 0),
                crisisHeld + (held.planned() ? 0 : delta),
                crisisReleased + (held.take() == NightTake.RELEASED ? delta : 0),
                crisisOverridden + (held.take() == NightTake.OVERRIDDEN ? delta : 0),
                version + 1, publishedAt, at);
    }

    /** The night as events and views show it: held beds, available beds, and the unclaimed protected ones. */
    public NightFigure figure(ProtectionRule rule) {
        return new NightFigure(night, freeBeds, heldBeds(), availableBeds(), unclaimedProtected(rule), publishedAt);
    }

    public boolean isStale(Instant now, Duration freshnessWindow) {
        return publishedAt.plus(freshnessWindow).isBefore(now);
    }

    /**
     * A provider may publish any number of free beds for a night, but not fewer than the beds stays already hold
     * on it: those stays must end first, or a held bed would vanish under a patient.
     */
    public static String publishRefusal(int newFreeBeds, int heldBeds) {
        if (newFreeBeds < heldBeds) {
            return heldBeds + " bed(s) are held by stays on this night; publish at least " + heldBeds + " free beds";
        }
        return null;
    }
}
