package nl.adempauze.platform.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.InvalidEventException;
import nl.adempauze.platform.outbox.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads a Kafka record as a CloudEvent and its data as the catalogued record; anything else is invalid. */
public class EventDecoder {

    /** The CloudEvents type attribute of a binary-mode record (Kafka protocol binding: {@code ce_} + attribute). */
    private static final String TYPE_HEADER = "ce_type";

    private final EventCodec codec;

    public EventDecoder(EventCodec codec) {
        this.codec = codec;
    }

    public IncomingEvent decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
        } catch (RuntimeException e) {
            throw new InvalidEventException("Not a CloudEvent: " + e.getMessage(), e);
        }
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        Object payload = codec.decode(event.getType(), data);
        Header traceparent = record.headers().lastHeader(TraceContext.TRACEPARENT);
        return new IncomingEvent(event.getId(), event.getType(), String.valueOf(event.getSource()), event.getSubject(),
                event.getTime(), payload,
                traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8));
    }

    /**
     * The type a record says it carries, read from its header alone (nothing decoded, nothing checked), so a consumer
     * can pass by what it does not act on for the price of a header lookup; {@code null} when the record has no such
     * header (structured mode, or not a CloudEvent at all): only {@link #decode} can tell what it is.
     */
    public static String declaredType(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(TYPE_HEADER);
        return type == null || type.value() == null ? null : new String(type.value(), StandardCharsets.UTF_8);
    }
}
