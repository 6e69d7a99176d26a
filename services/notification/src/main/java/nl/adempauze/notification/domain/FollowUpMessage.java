package nl.adempauze.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.contracts.events.StayReminderIssued;

/**
 * The Dutch text that tells a referrer about its request: short, with the request id and, once placed or booked,
 * where and when to go (times in Europe/Amsterdam). Built from the event's ids and the location's name and address
 * alone, so it cannot name the patient. The SMS is the text; the e-mail adds a line on why it was sent.
 */
public record FollowUpMessage(String subject, String text) {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", DUTCH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", DUTCH);

    /**
     * @param location the location the event names (null for an escalation)
     */
    public static FollowUpMessage of(FollowUpEvent kind, String requestId, Object payload, KnownLocation location,
                                     Channel channel) {
        String subject = "Adempauze: aanvraag " + requestId + " " + switch (kind) {
            case PLACED -> "geplaatst";
            case ESCALATED -> "nog zonder plek";
            case BOOKED -> "geboekt";
            case REMINDER -> "begint binnenkort";
        };
        String text = switch (kind) {
            case PLACED -> "Adempauze: aanvraag " + requestId + " geplaatst: " + where(location)
                    + ", opname " + admission(((RequestMatched) payload).expectedAdmissionAt());
            case ESCALATED -> "Adempauze: aanvraag " + requestId
                    + ": nog geen plek, de coördinator is gewaarschuwd.";
            case BOOKED -> {
                StayBooked booked = (StayBooked) payload;
                yield "Adempauze: aanvraag " + requestId + " geboekt: " + where(location) + ", "
                        + nights(booked.nights()) + " vanaf " + day(booked.firstNight());
            }
            case REMINDER -> {
                StayReminderIssued reminder = (StayReminderIssued) payload;
                yield "Adempauze herinnering: aanvraag " + requestId + " begint " + day(reminder.firstNight())
                        + ": " + where(location) + ", " + nights(reminder.nights());
            }
        };
        if (channel == Channel.SMS) {
            return new FollowUpMessage(subject, text);
        }
        return new FollowUpMessage(subject, text + "\n\nJe krijgt dit bericht omdat bij deze aanvraag is gevraagd"
                + " om op de hoogte te worden gehouden.\n");
    }

    /** "De Es, Hoofdstraat 1, 9401 AA Assen". */
    private static String where(KnownLocation location) {
        if (location == null) {
            return "locatie onbekend";
        }
        String address = location.address();
        return address.isEmpty() ? location.name() : location.name() + ", " + address;
    }

    private static String admission(Instant expected) {
        return expected == null ? "in overleg met de locatie" : MOMENT.format(expected.atZone(AMSTERDAM));
    }

    private static String day(LocalDate date) {
        return date == null ? "binnenkort" : DAY.format(date);
    }

    private static String nights(int nights) {
        return nights == 1 ? "1 nacht" : nights + " nachten";
    }
}
