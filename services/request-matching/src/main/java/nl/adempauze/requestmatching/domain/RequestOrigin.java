package nl.adempauze.requestmatching.domain;

/**
 * Where a call came from, as the audit trail records it: the client the token was issued to ({@code azp},
 * {@code client_id}, else the subject) and the caller's address. Travels with the call (in its Reactor context).
 */
public record RequestOrigin(String client, String address) {

    /** No call: the service acting on its own (a schedule, an event). */
    public static final RequestOrigin NONE = new RequestOrigin(null, null);
}
