package nl.adempauze.requestmatching.domain;

/** Who does something that goes on the record: the signed-in user, their role and organisation. */
public record Actor(String subject, String role, String organisation) {

    /** The service itself, e.g. when it purges details on schedule. */
    public static final Actor SYSTEM = new Actor("request-matching", "SYSTEM", null);
}
