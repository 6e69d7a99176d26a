package nl.adempauze.requestmatching.domain;

import nl.adempauze.platform.security.Caller;

/** Who does something that goes on the record: the signed-in user, their role and organisation. */
public record Actor(String subject, String role, String organisation) {

    /** The service itself, e.g. when it purges details on schedule. */
    public static final Actor SYSTEM = new Actor("request-matching", "SYSTEM", null);

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.mainRole() == null ? "NONE" : caller.mainRole().name(),
                caller.organisation());
    }
}
