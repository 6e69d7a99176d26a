package nl.adempauze.platform.outbox;

import java.util.Optional;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;

/**
 * Tells a send that can never succeed for this one record (too large, an invalid topic, a value that does not
 * serialize) from one that may succeed later (the broker away, a timeout, a leader moving). Failures about the
 * producer or the installation rather than the record (authentication, authorization, a fenced or out-of-sequence
 * producer) are not refusals: setting rows aside for them would empty the outbox over a configuration error.
 */
final class BrokerRefusal {

    private static final int MAX_REASON = 1000;

    private BrokerRefusal() {
    }

    /** The reason the record was refused for good, or empty when the send may be retried. */
    static Optional<String> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SerializationException) {
                return Optional.of(reason(cause));
            }
            if (cause instanceof ApiException api) {
                return refusesTheRecord(api) ? Optional.of(reason(api)) : Optional.empty();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean refusesTheRecord(ApiException failure) {
        return !(failure instanceof RetriableException
                || failure instanceof AuthenticationException
                || failure instanceof AuthorizationException
                || failure instanceof ProducerFencedException
                || failure instanceof OutOfOrderSequenceException
                || failure instanceof InvalidProducerEpochException
                || failure instanceof UnknownProducerIdException);
    }

    static String reason(Throwable failure) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
