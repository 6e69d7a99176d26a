package nl.adempauze.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.List;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.RequestSubmitted;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    @Test
    void typeNamesAreUnique() {
        List<String> types = EventCatalogue.EVENTS.stream().map(EventDefinition::type).toList();
        assertThat(types).doesNotHaveDuplicates();
        assertThat(EventCatalogue.EVENTS.stream().map(EventDefinition::recordType)).doesNotHaveDuplicates();
    }

    @Test
    void everyEventIsARecordOnACataloguedTopic() {
        assertThat(EventCatalogue.EVENTS).allSatisfy(definition -> {
            assertThat(definition.recordType().isRecord()).as(definition.type()).isTrue();
            assertThat(EventCatalogue.TOPICS).as(definition.type()).contains(definition.topic());
            assertThat(EventCatalogue.byType(definition.type())).containsSame(definition);
        });
    }

    @Test
    void topicsAreUniqueOwnedByAProducingServiceAndCarryEvents() {
        assertThat(EventCatalogue.TOPICS.stream().map(Topic::name)).doesNotHaveDuplicates();
        assertThat(EventCatalogue.TOPICS).allSatisfy(topic -> {
            assertThat(topic.owner()).isIn(EventCatalogue.BED_AVAILABILITY, EventCatalogue.REQUEST_MATCHING);
            assertThat(topic.name()).startsWith("adempauze." + topic.owner() + ".");
            assertThat(topic.deadLetter()).isEqualTo(topic.name() + ".DLT");
            assertThat(EventCatalogue.onTopic(topic)).as(topic.name()).isNotEmpty();
        });
    }

    @Test
    void keyForReturnsTheFieldThatOrdersTheEvents() {
        CapacityPublished published = new CapacityPublished("loc-1", "utrecht", "CRISIS_STAY", 3, 1, 2, 7, null);
        CapacityAdjusted adjusted =
                new CapacityAdjusted("loc-1", "utrecht", "RESPITE_CARE", 3, 1, 2, 8, "HOLD", null, EventSamples.OFFERED);
        LocationStatusChanged closed = new LocationStatusChanged("loc-2", "utrecht", false, "Outbreak", EventSamples.OFFERED);
        PatientAdmitted admitted = new PatientAdmitted("off-9", "req-9", "loc-3", "CRISIS_STAY", EventSamples.ADMISSION);
        OfferMade offer = new OfferMade("off-8", "req-8", "utrecht", "loc-4", "prov-1", "CRISIS_STAY", "CRISIS",
                List.of(), 1, "Nearest", EventSamples.RESPOND_BY, EventSamples.OFFERED);
        RequestSubmitted submitted = new RequestSubmitted("req-7", "utrecht", "RESPITE_CARE", "PLANNED", List.of(),
                null, null, null, null, null, null, EventSamples.SUBMITTED, null);

        assertThat(EventCatalogue.of(published).keyFor(published)).isEqualTo("loc-1/CRISIS_STAY");
        assertThat(EventCatalogue.of(adjusted).keyFor(adjusted)).isEqualTo("loc-1/RESPITE_CARE");
        assertThat(EventCatalogue.of(closed).keyFor(closed)).isEqualTo("loc-2");
        assertThat(EventCatalogue.of(admitted).keyFor(admitted)).isEqualTo("req-9");
        assertThat(EventCatalogue.of(offer).keyFor(offer)).isEqualTo("req-8");
        assertThat(EventCatalogue.of(submitted).keyFor(submitted)).isEqualTo("req-7");
    }

    @Test
    void everyEventIsKeyedByTheFieldItsTopicPromises() throws ReflectiveOperationException {
        for (EventDefinition<?> definition : EventCatalogue.EVENTS) {
            for (Object sample : EventSamples.of(definition)) {
                Topic topic = definition.topic();
                String expected = topic.equals(EventCatalogue.CAPACITY)
                        ? component(sample, "locationId") + "/" + component(sample, "careType")
                        : sample instanceof nl.adempauze.contracts.events.RegionConfigured
                                ? component(sample, "region")
                        : topic.equals(EventCatalogue.LOCATIONS)
                                ? component(sample, "locationId")
                                : component(sample, "requestId");
                assertThat(definition.keyFor(sample)).as(definition.type()).isNotBlank().isEqualTo(expected);
            }
        }
    }

    @Test
    void ofRejectsWhatIsNotACataloguedEvent() {
        assertThatThrownBy(() -> EventCatalogue.of(new Address("Lindelaan 12", "3584 CX", "Utrecht")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCatalogue.of("CapacityPublished")).isInstanceOf(IllegalArgumentException.class);
        assertThat(EventCatalogue.byType("Address")).isEmpty();
        assertThat(EventCatalogue.byType(null)).isEmpty();
    }

    @Test
    void schemaPathFollowsTheTypeName() {
        EventDefinition<?> definition = EventCatalogue.byType("OfferMade").orElseThrow();
        assertThat(definition.schemaPath()).isEqualTo("/schemas/OfferMade.schema.json");
        assertThat(definition.topic()).isEqualTo(EventCatalogue.OFFERS);
    }

    private static String component(Object record, String name) throws ReflectiveOperationException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return (String) component.getAccessor().invoke(record);
            }
        }
        throw new AssertionError(record.getClass().getSimpleName() + " has no component " + name);
    }
}
