package nl.adempauze.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RecentlyReadTest {

    private final RecentlyRead<String, String> kept = new RecentlyRead<>(Duration.ofHours(1), 100);
    private final AtomicInteger reads = new AtomicInteger();

    private Mono<String> read(String found) {
        return Mono.fromSupplier(() -> {
            reads.incrementAndGet();
            return found;
        });
    }

    @Test
    void aValueFoundIsReadOnceAndThenKept() {
        assertThat(kept.get("drenthe", () -> read("60")).block()).isEqualTo("60");
        assertThat(kept.get("drenthe", () -> read("other")).block()).isEqualTo("60");
        assertThat(reads).hasValue(1);
    }

    @Test
    void anUnknownKeyIsReadAgainEachTime() {
        assertThat(kept.get("nowhere", () -> read(null)).block()).isNull();
        assertThat(kept.get("nowhere", () -> read("60")).block()).isEqualTo("60");
        assertThat(reads).hasValue(2);
    }

    @Test
    void forgettingOutsideATransactionReadsAfreshNextTime() {
        kept.get("drenthe", () -> read("60")).block();

        kept.forget().block();

        assertThat(kept.get("drenthe", () -> read("90")).block()).isEqualTo("90");
    }

    @Test
    void aValueKeptFromAnEventIsNotRead() {
        kept.keep("request-1", "huisartsenpost-assen");

        assertThat(kept.get("request-1", () -> read("other")).block()).isEqualTo("huisartsenpost-assen");
        assertThat(reads).hasValue(0);
    }
}
