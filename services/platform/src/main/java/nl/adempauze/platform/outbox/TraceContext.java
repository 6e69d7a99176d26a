package nl.adempauze.platform.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import reactor.core.publisher.Mono;

/**
 * The W3C {@code traceparent} of the work in progress, stored with each outbox row so the trace follows the
 * event across the Kafka hop even though the relay sends it later, from another thread.
 */
public class TraceContext {

    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;

    public TraceContext(Tracer tracer) {
        this.tracer = tracer;
    }

    public Mono<String> currentTraceparent() {
        return Mono.deferContextual(context -> {
            if (context.hasKey(TRACEPARENT)) {
                return Mono.just(context.<String>get(TRACEPARENT));
            }
            return Mono.justOrEmpty(fromTracer());
        });
    }

    /** The traceparent of the span current on this thread, if any. */
    public String fromTracer() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        // the sampled flag as decided where the trace began: the next hop follows it instead of sampling anew
        String flags = Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00";
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-" + flags;
    }
}
