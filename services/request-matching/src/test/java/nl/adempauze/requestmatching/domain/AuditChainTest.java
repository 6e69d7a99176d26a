package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail's hash chain: intact, or broken at the first entry changed, inserted or removed. */
class AuditChainTest {

    @Test
    void anUnbrokenChainIsIntact() {
        assertThat(check(List.of(link(1, 1, "", "a"), link(2, 2, "a", "b"), link(3, 3, "b", "c"))))
                .isEqualTo(new AuditChain.Verdict(true, 3, null, null, null));
        assertThat(check(List.of()).intact()).isTrue();
    }

    @Test
    void aChangedEntryIsFoundByItsHash() {
        AuditChain.Verdict verdict = check(List.of(link(1, 1, "", "a"),
                new AuditChain.Link(2, 2, "a", "b", "not-b"), link(3, 3, "b", "c")));
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenEntry()).isEqualTo(2);
        assertThat(verdict.problem()).contains("changed");
    }

    @Test
    void aRemovedEntryIsFoundWhereTheChainSkipsIt() {
        AuditChain.Verdict verdict = check(List.of(link(1, 1, "", "a"), link(3, 3, "b", "c")));
        assertThat(verdict.firstBrokenEntry()).isEqualTo(3);
        assertThat(verdict.problem()).contains("missing");
        // renumbered to hide it: the link to the entry before does not hold
        assertThat(check(List.of(link(1, 1, "", "a"), link(3, 2, "b", "c"))).firstBrokenEntry()).isEqualTo(3);
    }

    private static AuditChain.Verdict check(List<AuditChain.Link> links) {
        AuditChain chain = new AuditChain();
        for (AuditChain.Link link : links) {
            if (!chain.accept(link)) {
                break;
            }
        }
        return chain.verdict();
    }

    private static AuditChain.Link link(long id, long seq, String previous, String hash) {
        return new AuditChain.Link(id, seq, previous, hash, hash);
    }
}
