package nl.adempauze.platform.domain;

/**
 * A domain rule refused a change. Plain Java, so aggregates and domain services can throw it; the HTTP edge maps
 * it to an RFC 9457 problem in one place ({@code platform.web.ProblemResponses}) by its {@link Kind}.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; the edge chooses the HTTP status from it. */
    public enum Kind {
        /** What the change is about does not exist (or may not be known to the caller). */
        NOT_FOUND,
        /** A value given by the caller breaks a rule; {@link #field()} names it. */
        INVALID,
        /** The change does not fit the current state (for example a transition the table does not allow). */
        CONFLICT,
        /** The caller may not make this change. */
        FORBIDDEN
    }

    private final Kind kind;
    private final String title;
    private final String field;

    public DomainException(Kind kind, String title, String detail, String field) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.field = field;
    }

    public static DomainException notFound(String what, String id) {
        return new DomainException(Kind.NOT_FOUND, what + " not found", what + " '" + id + "' does not exist", null);
    }

    public static DomainException invalidField(String field, String detail) {
        return new DomainException(Kind.INVALID, "Invalid field", detail, field);
    }

    public static DomainException conflict(String title, String detail) {
        return new DomainException(Kind.CONFLICT, title, detail, null);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Kind.FORBIDDEN, "Not allowed", detail, null);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** The request field to blame, or null. */
    public String field() {
        return field;
    }
}
