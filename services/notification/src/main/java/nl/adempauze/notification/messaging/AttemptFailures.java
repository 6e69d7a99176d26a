package nl.adempauze.notification.messaging;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.TimeoutException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;
import nl.adempauze.notification.domain.AttemptOutcome;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Why an attempt got no answer, as the short code the delivery log shows: the exception's own text names hosts
 * and addresses (this installation's among them), so it goes to the service's log only, never to the subscriber.
 */
final class AttemptFailures {

    private AttemptFailures() {
    }

    static String code(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String code = codeOf(cause);
            if (code != null) {
                return code;
            }
        }
        return AttemptOutcome.CONNECTION_FAILED;
    }

    private static String codeOf(Throwable error) {
        // a connect timeout is also a ConnectException: asked first
        if (error instanceof ConnectTimeoutException || error instanceof TimeoutException
                || error instanceof java.util.concurrent.TimeoutException || error instanceof SocketTimeoutException) {
            return AttemptOutcome.TIMEOUT;
        }
        if (error instanceof ConnectException) {
            return AttemptOutcome.CONNECTION_REFUSED;
        }
        if (error instanceof SSLException) {
            return AttemptOutcome.TLS_ERROR;
        }
        if (error instanceof PrematureCloseException) {
            return AttemptOutcome.CONNECTION_CLOSED;
        }
        return null;
    }
}
