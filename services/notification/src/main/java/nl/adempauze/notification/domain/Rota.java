package nl.adempauze.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.adempauze.platform.domain.DomainException;

/** The shifts of one region, earliest first: who is on call when, and who a page reaches at each tier. */
public record Rota(String region, List<Shift> shifts) {

    public Rota {
        shifts = shifts.stream().sorted(Comparator.comparing(Shift::startsAt)).toList();
    }

    /** Refuses a shift whose time overlaps another shift's (other than the one it replaces): one primary at once. */
    public void checkFits(Shift candidate) {
        shifts.stream()
                .filter(shift -> !shift.id().equals(candidate.id()) && shift.overlaps(candidate))
                .findFirst()
                .ifPresent(shift -> {
                    throw DomainException.invalidField("startsAt", "overlaps the shift " + shift.id() + " ("
                            + shift.startsAt() + " to " + shift.endsAt() + "): a region has one primary at a time");
                });
    }

    public Optional<Shift> onCallAt(Instant moment) {
        return shifts.stream().filter(shift -> shift.covers(moment)).findFirst();
    }

    /**
     * Until when someone is on call without a break from {@code moment} on (shifts that follow each other exactly
     * count as one stretch); empty when nobody is on call at {@code moment}.
     */
    public Optional<Instant> coveredUntil(Instant moment) {
        Instant until = null;
        Instant at = moment;
        for (Shift shift : shifts) {
            if (shift.covers(at)) {
                until = shift.endsAt();
                at = until;
            }
        }
        return Optional.ofNullable(until);
    }

    /** Shifts that have not begun at {@code moment}, earliest first, at most {@code limit}. */
    public List<Shift> upcoming(Instant moment, int limit) {
        return shifts.stream().filter(shift -> shift.startsAt().isAfter(moment)).limit(limit).toList();
    }

    /**
     * Who a page reaches at {@code tier} at {@code moment}: the primary or the backup of the shift on call then, or
     * everyone (primary or backup) holding a shift that has not ended, once each.
     */
    public List<Contact> recipients(PageTier tier, Instant moment) {
        return switch (tier) {
            case PRIMARY -> onCallAt(moment).map(shift -> List.of(shift.primary())).orElse(List.of());
            case BACKUP -> onCallAt(moment).map(Shift::backup).map(List::of).orElse(List.of());
            case REGION -> {
                Map<String, Contact> everyone = new LinkedHashMap<>();
                for (Shift shift : shifts) {
                    if (shift.endsAt().isAfter(moment)) {
                        List<Contact> holders = new ArrayList<>();
                        holders.add(shift.primary());
                        if (shift.backup() != null) {
                            holders.add(shift.backup());
                        }
                        holders.forEach(contact -> everyone.putIfAbsent(contact.userId(), contact));
                    }
                }
                yield List.copyOf(everyone.values());
            }
        };
    }
}
