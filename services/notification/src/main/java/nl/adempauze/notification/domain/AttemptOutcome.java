package nl.adempauze.notification.domain;

/**
 * What one POST to a subscriber came to: the HTTP status it answered (null when it did not answer at all)
 * and, unless it was a 2xx, why it counts as a failure.
 */
public record AttemptOutcome(Integer statusCode, String error) {

    public static AttemptOutcome answered(int statusCode) {
        boolean ok = statusCode >= 200 && statusCode < 300;
        return new AttemptOutcome(statusCode, ok ? null : "HTTP " + statusCode);
    }

    public static AttemptOutcome noAnswer(String error) {
        return new AttemptOutcome(null, error);
    }

    public boolean delivered() {
        return error == null;
    }
}
