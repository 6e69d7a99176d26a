package nl.adempauze.notification.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import nl.adempauze.platform.domain.DomainException;

/**
 * A referrer's wish to be told about one of its organisation's requests, by e-mail and/or SMS (the addresses checked
 * and normalised as a coordinator's on the rota, see {@link Contact}). Built only through {@link #of}, which refuses
 * bad input naming the field.
 *
 * @param organisation the referrer organisation the request belongs to
 * @param setBy        the user who asked
 */
public record FollowUp(String requestId, String organisation, String email, String phone, Set<FollowUpEvent> events,
                       String setBy, Instant updatedAt) {

    public FollowUp {
        events = Set.copyOf(events);
    }

    /** Checks the wish; {@code events} null means all of them. */
    public static FollowUp of(String requestId, String organisation, String email, String phone,
                              Collection<String> events, String setBy, Instant now) {
        String checkedEmail = blank(email) ? null : Contact.email("email", email);
        String checkedPhone = blank(phone) ? null : Contact.mobile("phone", phone);
        if (checkedEmail == null && checkedPhone == null) {
            throw DomainException.invalidField("email", "give an e-mail address, a mobile number (phone) or both");
        }
        return new FollowUp(requestId, organisation, checkedEmail, checkedPhone, events(events), setBy, now);
    }

    public boolean wants(FollowUpEvent event) {
        return events.contains(event);
    }

    private static Set<FollowUpEvent> events(Collection<String> names) {
        if (names == null) {
            return EnumSet.allOf(FollowUpEvent.class);
        }
        if (names.isEmpty()) {
            throw DomainException.invalidField("events", "choose at least one of " + FollowUpEvent.names());
        }
        EnumSet<FollowUpEvent> chosen = EnumSet.noneOf(FollowUpEvent.class);
        for (String name : names) {
            try {
                chosen.add(FollowUpEvent.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField("events", "'" + name + "' is not one of " + FollowUpEvent.names());
            }
        }
        return chosen;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
