package nl.adempauze.contracts;

/** An event that cannot be decoded or breaks its schema: it belongs on the dead-letter topic, not retried. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
