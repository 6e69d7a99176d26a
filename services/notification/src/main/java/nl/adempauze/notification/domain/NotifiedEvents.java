package nl.adempauze.notification.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventDefinition;
import nl.adempauze.contracts.Topic;
import nl.adempauze.contracts.events.HoldRequested;

/**
 * The events people are told about: offers, requests, capacity and locations. HoldRequested is an internal
 * step between matching and bed-availability, so it is neither streamed nor deliverable.
 */
public final class NotifiedEvents {

    public static final List<Topic> TOPICS = List.of(
            EventCatalogue.OFFERS, EventCatalogue.REQUESTS, EventCatalogue.CAPACITY, EventCatalogue.LOCATIONS);

    public static final Set<String> TYPES = TOPICS.stream()
            .flatMap(topic -> EventCatalogue.onTopic(topic).stream())
            .map(EventDefinition::type)
            .filter(type -> !type.equals(HoldRequested.class.getSimpleName()))
            .collect(Collectors.toUnmodifiableSet());

    private NotifiedEvents() {
    }

    public static boolean isNotified(String type) {
        return type != null && TYPES.contains(type);
    }
}
