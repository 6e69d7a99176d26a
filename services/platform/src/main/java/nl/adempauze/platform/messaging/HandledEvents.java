package nl.adempauze.platform.messaging;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventDefinition;
import nl.adempauze.platform.inbox.EventDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The catalogued event types a listener acts on. A record of another catalogued type is passed by on its
 * {@code ce_type} header alone: no decoding, no transaction, no processed-event row, since the listener would do
 * nothing with it. A record of a type the catalogue does not know, or without that header, is still decoded, so
 * it is dead-lettered as before.
 */
public final class HandledEvents {

    private final Set<String> types;

    private HandledEvents(Set<String> types) {
        for (String type : types) {
            if (EventCatalogue.byType(type).isEmpty()) {
                throw new IllegalArgumentException("Not a catalogued event type: " + type);
            }
        }
        this.types = Set.copyOf(types);
    }

    /** The events of these catalogued records. */
    public static HandledEvents of(Class<?>... recordTypes) {
        return new HandledEvents(Arrays.stream(recordTypes)
                .map(recordType -> EventCatalogue.EVENTS.stream()
                        .filter(definition -> definition.recordType() == recordType)
                        .map(EventDefinition::type).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Not a catalogued event: " + recordType)))
                .collect(Collectors.toSet()));
    }

    /** The events of these catalogued types (CloudEvents {@code type}). */
    public static HandledEvents ofTypes(Collection<String> types) {
        return new HandledEvents(Set.copyOf(types));
    }

    /** Whether the record is a catalogued event this listener does nothing with (read from its header only). */
    public boolean passesBy(ConsumerRecord<String, byte[]> record) {
        String type = EventDecoder.declaredType(record);
        return type != null && EventCatalogue.byType(type).isPresent() && !types.contains(type);
    }
}
