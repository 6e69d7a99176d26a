package nl.adempauze.bedavailability.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.adempauze.contracts.Nights;

/**
 * The calendar of one care type at one location, in memory, driven by the same domain rules the service applies
 * under its row locks: publish (refused as a whole below the held beds), hold a stay (all nights or none), release
 * a hold, discharge early. The property tests run random sequences of these against it.
 */
final class CalendarModel {

    /** One hold and the nights it still holds. */
    static final class StayHold {
        final StayRequest stay;
        final Instant at;
        final List<HeldNight> taken;
        final List<HeldNight> held;

        StayHold(StayRequest stay, Instant at, List<HeldNight> taken) {
            this.stay = stay;
            this.at = at;
            this.taken = List.copyOf(taken);
            this.held = new ArrayList<>(taken);
        }
    }

    final ProtectionRule rule;
    final TreeMap<LocalDate, NightCapacity> nights = new TreeMap<>();
    final List<StayHold> holds = new ArrayList<>();
    Instant now;

    CalendarModel(ProtectionRule rule, Instant now) {
        this.rule = rule;
        this.now = now;
    }

    /** Publishes free beds for {@code from..to}; refused as a whole (changing nothing) below a night's held beds. */
    boolean publish(LocalDate from, LocalDate to, int freeBeds) {
        for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
            NightCapacity known = nights.get(night);
            if (known != null && NightCapacity.publishRefusal(freeBeds, known.heldBeds()) != null) {
                return false;
            }
        }
        for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
            NightCapacity known = nights.get(night);
            nights.put(night, known == null
                    ? new NightCapacity("loc", "CT", night, freeBeds, 0, 0, 0, 0, 1, now, now)
                    : new NightCapacity("loc", "CT", night, freeBeds, known.plannedHeld(), known.crisisHeld(),
                            known.crisisReleased(), known.crisisOverridden(), known.version() + 1, now, now));
        }
        return true;
    }

    /** Decides the stay on the current nights and, when held, takes its nights. */
    StayDecision hold(StayRequest stay) {
        List<NightCapacity> rows = stay.dates().stream().map(nights::get).filter(row -> row != null).toList();
        StayDecision decision = StayDecision.decide(stay, rows, rule, now);
        if (decision.held()) {
            for (HeldNight night : decision.nights()) {
                nights.put(night.night(), nights.get(night.night()).with(night, now));
            }
            holds.add(new StayHold(stay, now, decision.nights()));
        }
        return decision;
    }

    /** Gives back every night the hold still holds. */
    void release(StayHold hold) {
        giveBack(hold, null);
    }

    /** Gives back the nights after the one running now. */
    void discharge(StayHold hold) {
        giveBack(hold, Nights.nightOf(now));
    }

    private void giveBack(StayHold hold, LocalDate after) {
        var iterator = hold.held.iterator();
        while (iterator.hasNext()) {
            HeldNight night = iterator.next();
            if (after == null || night.night().isAfter(after)) {
                nights.put(night.night(), nights.get(night.night()).without(night, now));
                iterator.remove();
            }
        }
    }

    Map<LocalDate, NightCapacity> snapshot() {
        return new TreeMap<>(nights);
    }
}
