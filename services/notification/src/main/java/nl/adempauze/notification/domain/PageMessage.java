package nl.adempauze.notification.domain;

import java.util.Map;

/**
 * The Dutch text of a page: short, with the request id, care type, municipality (if known) and reason, a link to
 * the board and a one-time link to acknowledge. Built from the page's codes alone, so it cannot name the patient.
 */
public record PageMessage(String subject, String text) {

    private static final Map<String, String> REASONS = Map.of(
            "NO_CANDIDATE", "geen passende plek",
            "OFFER_EXPIRED", "aanbod niet beantwoord",
            "DEADLINE_AT_RISK", "deadline in gevaar",
            "STAY_WINDOW_PASSED", "periode verstreken",
            "STAY_OVERRUN", "verblijf loopt uit",
            "QUEUE_DEADLINE_PASSED", "uit de wachtrij: deadline verstreken",
            "TRIAGE_NEEDED", "triage nodig: kies de zorgvorm");

    public static PageMessage of(Page page, Channel channel, String boardUrl, String acknowledgeUrl) {
        String where = page.municipality() == null ? "" : ", " + page.municipality();
        String what = "aanvraag " + page.requestId() + " (" + valueOr(page.careType(), "zorgsoort onbekend") + where
                + "): " + REASONS.getOrDefault(page.reason(), valueOr(page.reason(), "escalatie"));
        String subject = "Oproep " + page.region() + ": " + what;
        if (channel == Channel.SMS) {
            return new PageMessage(subject, "Adempauze oproep " + page.region() + ": " + what
                    + ". Bevestig: " + acknowledgeUrl);
        }
        return new PageMessage(subject, """
                Er is een escalatie in regio %s die je aandacht nodig heeft.

                Aanvraag: %s
                Zorgsoort: %s
                Gemeente: %s
                Reden: %s

                Open het regiobord: %s
                Bevestig dat je het oppakt (eenmalige link): %s

                Zonder bevestiging wordt de volgende coördinator opgeroepen.
                """.formatted(page.region(), page.requestId(), valueOr(page.careType(), "onbekend"),
                valueOr(page.municipality(), "onbekend"), REASONS.getOrDefault(page.reason(),
                        valueOr(page.reason(), "escalatie")), boardUrl, acknowledgeUrl));
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
