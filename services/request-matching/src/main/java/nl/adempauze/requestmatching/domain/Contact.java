package nl.adempauze.requestmatching.domain;

/**
 * Whom to call back about a request: the referrer's own contact. Identifying, so kept like the patient's details:
 * encrypted, read only for the (audited) view of one request, purged after closing (name and phone then null).
 */
public record Contact(String name, String phone, String organisation) {

    /** Never the name or phone, should this ever end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "Contact[redacted, organisation=" + organisation + "]";
    }
}
