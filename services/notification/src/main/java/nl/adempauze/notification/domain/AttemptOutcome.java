package nl.adempauze.notification.domain;

/**
 * What one POST to a subscriber came to: the HTTP status it answered (null when it did not answer at all)
 * and, unless it was a 2xx, why it counts as a failure, as a short code. The code is what the delivery log shows the
 * subscriber, so it never carries an exception's text (which names hosts and addresses of this installation).
 */
public record AttemptOutcome(Integer statusCode, String error) {

    /** Not sent: the target may not receive webhooks (see {@link WebhookTargets}). */
    public static final String REFUSED_TARGET = "REFUSED_TARGET";
    /** Nothing listened at the address and port. */
    public static final String CONNECTION_REFUSED = "CONNECTION_REFUSED";
    /** No connection, or no answer, in time. */
    public static final String TIMEOUT = "TIMEOUT";
    /** The TLS handshake failed (certificate, protocol). */
    public static final String TLS_ERROR = "TLS_ERROR";
    /** The connection was closed before an answer came. */
    public static final String CONNECTION_CLOSED = "CONNECTION_CLOSED";
    /** Any other failure to reach the receiver (network unreachable, reset, ...). */
    public static final String CONNECTION_FAILED = "CONNECTION_FAILED";
    /** A pending delivery given up because its subscription was deactivated. */
    public static final String SUBSCRIPTION_DEACTIVATED = "SUBSCRIPTION_DEACTIVATED";

    public static AttemptOutcome answered(int statusCode) {
        boolean ok = statusCode >= 200 && statusCode < 300;
        return new AttemptOutcome(statusCode, ok ? null : "HTTP_" + statusCode);
    }

    /** No answer, for the reason given as one of the codes above. */
    public static AttemptOutcome noAnswer(String code) {
        return new AttemptOutcome(null, code);
    }

    public boolean delivered() {
        return error == null;
    }
}
