package nl.adempauze.platform.domain;

import java.util.List;

/**
 * Several values given by the caller break rules, each named (a feed of many lines, refused as a whole): the problem
 * lists every one, not only the first, so the sender can correct them all at once.
 */
public final class InvalidFields extends DomainException {

    /** One refused value: the field to blame (for example {@code figures[3].freeBeds}) and why. */
    public record Refusal(String field, String detail) {
    }

    private final List<Refusal> refusals;

    public InvalidFields(String title, String detail, List<Refusal> refusals) {
        super(Kind.INVALID, title, detail, null);
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
