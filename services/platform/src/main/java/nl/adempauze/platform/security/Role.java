package nl.adempauze.platform.security;

/** What a signed-in user does at the coordination point; carried in the token's {@code roles} claim. */
public enum Role {
    /** A GP practice, out-of-hours GP post, hospital transfer desk, district nurse or respite consultant. */
    REFERRER,
    /** A care organisation with one or more locations. */
    PROVIDER,
    /** On-call staff of a coordination point, for the regions in the token's {@code regions} claim. */
    COORDINATOR,
    /** Configures regions and reads the audit log. */
    ADMIN
}
