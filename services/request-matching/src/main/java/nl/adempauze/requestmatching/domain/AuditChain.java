package nl.adempauze.requestmatching.domain;

import java.util.Objects;

/**
 * Checks the audit trail's hash chain link by link, in order: each entry's number follows the one before, it names
 * the hash of the entry before it, and its own hash is that of its content. The first link that does not hold is
 * where the trail was changed (an entry altered, inserted or removed).
 */
public final class AuditChain {

    /** One stored link: the entry's id and number, the hashes it stores, and the hash its content has now. */
    public record Link(long id, long seq, String previousHash, String entryHash, String contentHash) {
    }

    /** The outcome: intact, or the first broken entry and what is wrong with it. */
    public record Verdict(boolean intact, long entries, Long firstBrokenEntry, Long firstBrokenSequence,
                          String problem) {
    }

    private long checked;
    private long lastSeq;
    private String lastHash = "";
    private Verdict broken;

    /** Takes the next link; false once the chain is broken (no need to look further). */
    public boolean accept(Link link) {
        if (broken != null) {
            return false;
        }
        checked++;
        if (link.seq() != lastSeq + 1) {
            broken = brokenAt(link, "entry number " + link.seq() + " follows " + lastSeq
                    + ": an entry is missing or was inserted");
        } else if (!Objects.equals(link.previousHash(), lastHash)) {
            broken = brokenAt(link, "does not link to the entry before it: that entry was changed or removed");
        } else if (!Objects.equals(link.entryHash(), link.contentHash())) {
            broken = brokenAt(link, "its content does not match its hash: the entry was changed");
        }
        lastSeq = link.seq();
        lastHash = link.entryHash();
        return broken == null;
    }

    public Verdict verdict() {
        return broken != null ? broken : new Verdict(true, checked, null, null, null);
    }

    private Verdict brokenAt(Link link, String problem) {
        return new Verdict(false, checked, link.id(), link.seq(), problem);
    }
}
