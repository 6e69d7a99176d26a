package nl.adempauze.localstack;

import java.io.ByteArrayOutputStream;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A request body read whole, up to a limit: the front door reads a body (the services' JSON is small) before passing
 * it on, so that one over the limit is refused with a 413 of its own instead of a connection cut mid-way.
 */
final class LimitedBody {

    private LimitedBody() {
    }

    /** The body's bytes; fails with {@link TooLarge} as soon as more than {@code limit} bytes have come. */
    static Mono<byte[]> read(HttpServerRequest request, long limit) {
        return request.receive().asByteArray()
                .reduceWith(ByteArrayOutputStream::new, (body, chunk) -> {
                    if (body.size() + (long) chunk.length > limit) {
                        throw new TooLarge();
                    }
                    body.writeBytes(chunk);
                    return body;
                })
                .map(ByteArrayOutputStream::toByteArray)
                .defaultIfEmpty(new byte[0]);
    }

    /** A body over the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
