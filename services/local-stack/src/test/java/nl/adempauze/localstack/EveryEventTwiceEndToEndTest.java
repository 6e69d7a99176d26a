package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventDefinition;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.Topic;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.StayReminderIssued;
import nl.adempauze.notification.domain.NotifiedEvents;
import nl.adempauze.requestmatching.application.StayClocks;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The E2E stack delivers every event twice (see {@link EventDuplicator}); this test makes that explicit. It drives
 * flows that make every event type of the catalogue occur (but {@link OfferExpired}: see {@link #NOT_TRIGGERED}),
 * checks that a second copy of each event was delivered, and that none took effect twice: no event caused by an
 * event appears twice (one hold, one offer, one answer per offer...), one accepted offer per placement, free beds back
 * to the published figure after discharge, one hold where one bed was free, a consistent waiting list, exactly one
 * webhook delivery per event for a subscription and one live-stream event per event. Everything it starts it ends
 * (the stack is shared): requests cancelled or discharged, the closed location reopened, the subscription removed.
 * <p>
 * The flows: a planned Wlz respite stay booked and reminded of, then cancelled; a crisis GRZ request declined at one
 * location, accepted at the next, admitted and discharged; three crisis GRZ requests at once for one bed (one held,
 * the others refused and escalated); two planned stays waiting, one moved up by the coordinator; a crisis request for
 * a respite bed whose protection the coordinator overrides; a triage item whose care type the coordinator sets; a
 * location closed and reopened. Region configuration and locations are announced once, at the stack's start: their
 * copies are counted by the duplicator.
 */
class EveryEventTwiceEndToEndTest {

    private static final String GRZ = "GRZ";
    /** The GRZ locations with a bed in the test (Assen and Hoogeveen); the region's others get none. */
    private static final String MARKEHUIS = "loc-assen-het-markehuis";
    private static final String ELLERTSVELD = "loc-hoogeveen-ellertsveld";
    private static final String RESPITE = "WLZ_LOGEER";
    /** Near the planned stays' home (Westerveld); its nights are published by the test. */
    private static final String VLEDDER = "loc-vledder-de-drentse-esch";
    /** Closed and reopened: a location none of the flows needs. */
    private static final String VEENSCHAP = "loc-klazienaveen-de-veenschap";
    private static final String SECRET = "every-event-twice-webhook-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Announced only when the stack starts (from the seed), not by anything a test can do. */
    private static final Set<String> AT_START = Set.of("RegionConfigured", "LocationRegistered");
    /**
     * An offer expires only after its care type's response deadline, 15 minutes at the shortest (the seed), on the
     * services' real clock: not within a test of a minute.
     */
    private static final Map<String, String> NOT_TRIGGERED = Map.of(OfferExpired.class.getSimpleName(),
            "response deadlines are 15+ minutes on the services' real clock");
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private E2eStack stack;
    private WebClient coordinator;
    private final List<String> started = new CopyOnWriteArrayList<>();
    /** Requests whose escalations may legitimately repeat a reason (matched again after an override). */
    private final Set<String> overridden = new TreeSet<>();

    @Test
    void everyEventTypeArrivesTwiceAndTakesEffectOnce() {
        stack = E2eStack.get();
        long start = System.nanoTime();
        coordinator = stack.as(E2eStack.COORDINATOR);
        String kafka = stack.infrastructure.kafka().bootstrapServers();
        ServiceConsumerGroups.awaitCaughtUp(kafka, Duration.ofSeconds(60));
        LocalDate tonight = Nights.nightOf(Instant.now());
        Map<String, Integer> respiteHeldBefore = heldNights(RESPITE, tonight, tonight.plusDays(6));

        List<ServerSentEvent<String>> live = new CopyOnWriteArrayList<>();
        Disposable liveSubscription = coordinator.get().uri("/api/v1/live?region=drenthe")
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(SSE).subscribe(live::add);
        WebhookReceiver webhooks = new WebhookReceiver();
        String subscription = subscribe(webhooks);
        await("the live stream open").atMost(PATIENCE).until(() -> !live.isEmpty());
        RecordTap wire = new RecordTap(kafka, EventCatalogue.TOPICS.stream().map(Topic::name).toList());
        try {
            String booked = plannedStayBooked(tonight);
            Map<String, Integer> grzPublished = crisisDeclinedAcceptedAdmittedDischarged();
            oneBedThreeRequests(grzPublished, wire);
            waitingListWithPriority(tonight);
            protectionOverridden();
            careTypeSetByTheCoordinator();
            locationClosedAndReopened();
            reminderOf(booked, wire);
            endWhatWasStarted();

            ServiceConsumerGroups.awaitCaughtUp(kafka, Duration.ofSeconds(60));
            // the last events' copies may still be on their way
            awaitOrCountAsLost("a copy of every event",
                    () -> originals(wire).keySet().stream().allMatch(id -> copies(wire, id) > 0));
            ServiceConsumerGroups.awaitCaughtUp(kafka, Duration.ofSeconds(60));
            wire.awaitReadToEnd(PATIENCE);

            // state after it all: beds as published, no night held that was not held before, nothing open
            assertThat(grzFigures()).as("GRZ free, held and available beds per location after discharge and cancels")
                    .allSatisfy((location, figure) -> assertThat(figure).as(location)
                            .isEqualTo(List.of(grzPublished.get(location), 0, grzPublished.get(location))));
            assertThat(heldNights(RESPITE, tonight, tonight.plusDays(6))).as("respite nights held")
                    .isEqualTo(respiteHeldBefore);
            assertThat(started).as("every request of the test ended")
                    .allSatisfy(id -> assertThat(status(id)).isIn("CANCELLED", "DISCHARGED"));

            Map<String, RecordTap.Tapped> events = originals(wire);
            // which event types occurred, and which had their copy delivered
            Map<String, Long> copiesByType = new TreeMap<>();
            List<String> lost = new ArrayList<>();
            events.forEach((id, event) -> {
                if (copies(wire, id) > 0 && stack.duplicator.duplicatedEvent(id)) {
                    copiesByType.merge(event.eventType(), 1L, Long::sum);
                } else {
                    lost.add("no copy of " + event.eventType() + " " + id);
                }
            });
            Map<String, Long> duplicatorCounts = stack.duplicator.duplicatedByType();
            AT_START.forEach(type -> copiesByType.put(type + " (at start)", duplicatorCounts.getOrDefault(type, 0L)));
            Set<String> covered = copiesByType.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey().replace(" (at start)", "")).collect(Collectors.toCollection(TreeSet::new));
            Set<String> catalogue = EventCatalogue.EVENTS.stream().map(EventDefinition::type)
                    .collect(Collectors.toCollection(TreeSet::new));

            // no double effect: what one event causes, it causes once
            List<String> doubled = new ArrayList<>(doubleEffects(events.values()));

            // webhooks and live stream: every notified event of the region once
            List<RecordTap.Tapped> notified = events.values().stream()
                    .filter(event -> NotifiedEvents.isNotified(event.eventType()))
                    .filter(event -> "drenthe".equals(field(event.payload(), "region"))).toList();
            Predicate<RecordTap.Tapped> hooked = event -> webhooks.received().stream()
                    .anyMatch(hook -> event.eventId().equals(hook.eventId()));
            Predicate<RecordTap.Tapped> streamedLive = event -> live.stream()
                    .anyMatch(sse -> event.eventId().equals(sse.id()));
            awaitOrCountAsLost("a webhook for every notified event", () -> notified.stream().allMatch(hooked));
            awaitOrCountAsLost("a live event for every notified event", () -> notified.stream().allMatch(streamedLive));
            notified.stream().filter(hooked.negate())
                    .forEach(event -> lost.add("no webhook of " + event.eventType() + " " + event.eventId()));
            notified.stream().filter(streamedLive.negate())
                    .forEach(event -> lost.add("no live event of " + event.eventType() + " " + event.eventId()));
            Map<String, Long> hooks = webhooks.received().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::eventId, Collectors.counting()));
            Map<String, Long> logged = deliveries(subscription).stream()
                    .collect(Collectors.groupingBy(delivery -> (String) delivery.get("eventId"), Collectors.counting()));
            Map<String, Long> streamed = live.stream().filter(sse -> sse.id() != null)
                    .collect(Collectors.groupingBy(ServerSentEvent::id, Collectors.counting()));
            hooks.forEach((id, n) -> addIf(doubled, n > 1, "webhook of " + id + " received " + n + " times"));
            logged.forEach((id, n) -> addIf(doubled, n > 1, "webhook of " + id + " logged " + n + " times"));
            streamed.forEach((id, n) -> addIf(doubled, n > 1, "live event " + id + " streamed " + n + " times"));
            assertThat(webhooks.received()).allMatch(hook -> hook.signedWith(SECRET));

            long delivered = copiesByType.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("twice: event types=%d duplicates delivered=%d (%s) lost=%d duplicated effects=%d;"
                            + " not triggered: %s; %d webhooks, %d live events; in %.1f s%n", covered.size(), delivered,
                    copiesByType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")), lost.size(), doubled.size(), NOT_TRIGGERED,
                    hooks.size(), streamed.size(), (System.nanoTime() - start) / 1e9);

            Set<String> expectedTypes = new TreeSet<>(catalogue);
            expectedTypes.removeAll(NOT_TRIGGERED.keySet());
            assertThat(covered).as("event types that occurred with their copy").isEqualTo(expectedTypes);
            assertThat(lost).as("events without their copy, webhook or live event").isEmpty();
            assertThat(doubled).as("effects that happened twice").isEmpty();
        } finally {
            try {
                endWhatWasStarted();
                reopenIfClosed();
            } finally {
                wire.close();
                liveSubscription.dispose();
                coordinator.delete().uri("/api/v1/subscriptions/{id}", subscription).retrieve().toBodilessEntity()
                        .block();
                webhooks.close();
            }
        }
    }

    // ---- the flows -------------------------------------------------------------------------------------------------

    /** The offers of these requests that events of these types are about. */
    private static Set<String> offersOf(RecordTap wire, List<String> requests, Set<String> types) {
        return wire.events().stream().filter(event -> types.contains(event.eventType()))
                .filter(event -> requests.contains(field(event.payload(), "requestId")))
                .map(event -> field(event.payload(), "offerId")).collect(Collectors.toSet());
    }

    /** A planned respite stay from tomorrow night, on nights its provider has just published: booked. */
    private String plannedStayBooked(LocalDate tonight) {
        stack.asProviderOf(VLEDDER).put().uri("/api/v1/locations/{id}/capacity/{type}/nights", VLEDDER, RESPITE)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nights", List.of(Map.of("from", tonight.toString(),
                        "to", tonight.plusDays(5).toString(), "freeBeds", 2))))
                .retrieve().toBodilessEntity().block();
        stack.awaitMatchingCaughtUp();
        String id = submit(E2eStack.RESPITE_CONSULTANT, planned(tonight.plusDays(1), 2));
        Map<?, ?> offer = awaitOpenOffer(id, null);
        accept(offer);
        Map<?, ?> request = awaitStatus(id, "BOOKED");
        assertThat(offersWithStatus(request, "ACCEPTED")).as("accepted offers of the booking").isEqualTo(1);
        return id;
    }

    /**
     * GRZ beds at two locations only; a crisis request declined at the first, accepted at the second, admitted and
     * discharged: the beds end as published. Answers the published figure per GRZ location.
     */
    private Map<String, Integer> crisisDeclinedAcceptedAdmittedDischarged() {
        List<String> locations = new ArrayList<>(grzFigures().keySet());
        assertThat(locations).hasSizeGreaterThanOrEqualTo(3);
        Map<String, Integer> published = new LinkedHashMap<>();
        for (String location : locations) {
            boolean offered = location.equals(MARKEHUIS) || location.equals(ELLERTSVELD);
            published.put(location, offered ? 1 : 0);
            publish(location, GRZ, published.get(location));
        }
        stack.awaitMatchingCaughtUp();
        String id = submit(E2eStack.REFERRER, crisis(GRZ, "Assen", null));
        Map<?, ?> first = awaitOpenOffer(id, null);
        stack.asProviderOf((String) first.get("locationId")).post().uri("/api/v1/offers/{id}/decline", first.get("id"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "No physiotherapist this week", "reasonCode", "NO_STAFF"))
                .retrieve().toBodilessEntity().block();
        Map<?, ?> second = awaitOpenOffer(id, offer -> !first.get("id").equals(offer.get("id")));
        assertThat(second.get("locationId")).isNotEqualTo(first.get("locationId"));
        accept(second);
        Map<?, ?> matched = awaitStatus(id, "MATCHED");
        assertThat(offersWithStatus(matched, "ACCEPTED")).as("accepted offers of the placement").isEqualTo(1);
        // matching's copy of the region (every location announced twice at the start) has each location once
        assertThat(((List<?>) matched.get("ranking")).stream().map(candidate -> ((Map<?, ?>) candidate).get("locationId")))
                .as("ranking").isNotEmpty().doesNotHaveDuplicates();
        String location = (String) second.get("locationId");
        for (String step : List.of("admission", "discharge")) {
            stack.asProviderOf(location).post().uri("/api/v1/holds/{offer}/" + step, second.get("id")).retrieve()
                    .toBodilessEntity().block();
            awaitStatus(id, step.equals("admission") ? "ADMITTED" : "DISCHARGED");
        }
        await("beds back to the published figure").atMost(PATIENCE).until(() -> grzFigures().get(location)
                .equals(List.of(1, 0, 1)));
        return published;
    }

    /**
     * One GRZ bed left in the region, three crisis requests at once: each is ranked on matching's copy of the
     * figures, so more than one asks for that bed; bed-availability holds it once and refuses the others, which
     * escalate. Tried again (after cancelling) until a refusal happened, which it nearly always does the first time.
     */
    private void oneBedThreeRequests(Map<String, Integer> published, RecordTap wire) {
        published.replaceAll((location, beds) -> location.equals(MARKEHUIS) ? 1 : 0);
        published.forEach((location, beds) -> publish(location, GRZ, beds));
        // nor any across the border: Drenthe would offer its neighbour Groningen's beds
        stack.makeAvailable("groningen", GRZ, 0);
        for (int round = 1; ; round++) {
            stack.awaitMatchingCaughtUp();
            List<String> ids = Flux.range(0, 3)
                    .flatMap(i -> stack.as(E2eStack.REFERRER).post().uri("/api/v1/requests")
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(crisis(GRZ, "Assen", null))
                            .retrieve().bodyToMono(Map.class).map(body -> (String) body.get("id")))
                    .collectList().block(PATIENCE);
            started.addAll(ids);
            await("three requests answered").atMost(PATIENCE).until(() -> ids.stream().map(this::status)
                    .allMatch(status -> status.equals("OFFERED") || status.equals("ESCALATED")));
            Map<String, Long> statuses = ids.stream().collect(Collectors.groupingBy(this::status, Collectors.counting()));
            assertThat(statuses).as("one bed, three requests").containsEntry("OFFERED", 1L).containsEntry("ESCALATED", 2L);
            assertThat(grzFigures().values().stream().mapToInt(figure -> figure.get(1)).sum())
                    .as("GRZ beds held in the region").isEqualTo(1);
            // every hold asked for has its outcome on the wire
            await("hold outcomes").atMost(PATIENCE).until(() -> {
                Set<String> asked = offersOf(wire, ids, Set.of("HoldRequested"));
                return !asked.isEmpty() && offersOf(wire, ids, Set.of("BedHeld", "BedHoldRefused")).containsAll(asked);
            });
            boolean refused = !offersOf(wire, ids, Set.of("BedHoldRefused")).isEmpty();
            ids.forEach(this::cancel);
            if (refused || round == 5) {
                assertThat(refused).as("a hold refused in 5 rounds of three requests for one bed").isTrue();
                return;
            }
            await("the bed given back").atMost(PATIENCE).until(() -> grzFigures().values().stream()
                    .mapToInt(figure -> figure.get(1)).sum() == 0);
        }
    }

    /** Two planned stays nobody can take yet wait in line; the coordinator moves the second up. */
    private void waitingListWithPriority(LocalDate tonight) {
        String first = submit(E2eStack.RESPITE_CONSULTANT, planned(tonight.plusDays(250), 2));
        awaitStatus(first, "WAITING");
        String second = submit(E2eStack.RESPITE_CONSULTANT, planned(tonight.plusDays(251), 2));
        awaitStatus(second, "WAITING");
        assertWaitingListConsistent(List.of(first, second));
        coordinator.post().uri("/api/v1/requests/{id}/priority", second).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Carer exhausted, GP letter")).retrieve().toBodilessEntity().block();
        assertWaitingListConsistent(List.of(second, first));
        assertThat(((Map<?, ?>) request(second).get("waiting")).get("priority")).as("priority raised once")
                .isEqualTo(1);
    }

    /**
     * The region's respite waiting list holds each request once, numbered 1..n in order, these in this order, and
     * each request's own view gives the same position.
     */
    private void assertWaitingListConsistent(List<String> inThisOrder) {
        List<?> line = coordinator.get().uri("/api/v1/regions/drenthe/waiting-list?careType={type}", RESPITE)
                .retrieve().bodyToMono(List.class).block();
        List<String> ids = line.stream().map(entry -> (String) ((Map<?, ?>) entry).get("requestId")).toList();
        List<Integer> positions = line.stream().map(entry -> ((Number) ((Map<?, ?>) entry).get("position")).intValue())
                .toList();
        assertThat(ids).as("waiting list").doesNotHaveDuplicates().containsSubsequence(inThisOrder);
        assertThat(positions).as("positions").isEqualTo(java.util.stream.IntStream.rangeClosed(1, ids.size()).boxed()
                .toList());
        for (String id : inThisOrder) {
            Map<?, ?> waiting = (Map<?, ?>) request(id).get("waiting");
            assertThat(((Number) waiting.get("position")).intValue()).as("position of %s", id)
                    .isEqualTo(ids.indexOf(id) + 1);
        }
    }

    /** A crisis request for a respite bed: the coordinator lets it take protected nights, on the record. */
    private void protectionOverridden() {
        String id = submit(E2eStack.REFERRER, crisis(RESPITE, "Westerveld", 3));
        overridden.add(id);
        awaitStatus(id, Set.of("OFFERED", "ESCALATED"));
        coordinator.post().uri("/api/v1/requests/{id}/protection-override", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Carer admitted to hospital tonight")).retrieve().toBodilessEntity()
                .block();
        awaitStatus(id, Set.of("OFFERED", "ESCALATED"));
    }

    /** "Weet ik niet" with answers that settle nothing: a triage item, whose care type the coordinator sets. */
    private void careTypeSetByTheCoordinator() {
        Map<String, Object> body = new HashMap<>(crisis("ELV_LAAG", "Assen", null));
        body.remove("careType");
        body.put("triage", Map.of("answers", Map.of("HOSPITAL_CARE", "NO")));
        String id = submit(E2eStack.REFERRER, body);
        awaitStatus(id, "AWAITING_TRIAGE");
        coordinator.post().uri("/api/v1/requests/{id}/care-type", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("careType", "ELV_LAAG", "reason", "Called the GP back: low complexity"))
                .retrieve().toBodilessEntity().block();
        awaitStatus(id, Set.of("OFFERED", "ESCALATED"));
    }

    private void locationClosedAndReopened() {
        setOpen(false);
        setOpen(true);
    }

    private void reopenIfClosed() {
        Map<?, ?> answer = coordinator.get().uri("/api/v1/locations/{id}", VEENSCHAP).retrieve().bodyToMono(Map.class)
                .block();
        Map<?, ?> location = answer.get("location") instanceof Map<?, ?> inner ? inner : answer;
        if (!Boolean.TRUE.equals(location.get("open"))) {
            setOpen(true);
        }
    }

    private void setOpen(boolean open) {
        stack.asProviderOf(VEENSCHAP).put().uri("/api/v1/locations/{id}/status", VEENSCHAP)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(open ? Map.of("open", true) : Map.of("open", false, "reason", "CALAMITY"))
                .retrieve().toBodilessEntity().block();
    }

    /**
     * The booked stay begins tomorrow night, within the reminder lead: the calendar clock reminds of it. That clock
     * runs once a minute; the test makes it tick now (what its scheduler calls), rather than wait up to a minute.
     */
    private void reminderOf(String booked, RecordTap wire) {
        stack.services.requestMatching.getBean(StayClocks.class).check();
        await("the stay's reminder").atMost(PATIENCE).until(() -> wire.events().stream()
                .map(RecordTap.Tapped::payload).filter(StayReminderIssued.class::isInstance)
                .anyMatch(reminder -> ((StayReminderIssued) reminder).requestId().equals(booked)));
    }

    /** Discharges the placed and cancels the rest (booked stays too), and waits until each has ended. */
    private void endWhatWasStarted() {
        for (String id : started) {
            Map<?, ?> request = request(id);
            String status = (String) request.get("status");
            Map<?, ?> match = (Map<?, ?>) request.get("match");
            if (status.equals("MATCHED") || status.equals("ADMITTED")) {
                WebClient provider = stack.asProviderOf((String) match.get("locationId"));
                for (String step : status.equals("MATCHED") ? List.of("admission", "discharge") : List.of("discharge")) {
                    provider.post().uri("/api/v1/holds/{offer}/" + step, match.get("offerId")).retrieve()
                            .toBodilessEntity().block();
                }
            } else if (!status.equals("CANCELLED") && !status.equals("DISCHARGED")) {
                cancel(id);
            }
        }
        await("every request ended").atMost(PATIENCE).until(() -> started.stream().map(this::status)
                .allMatch(status -> status.equals("CANCELLED") || status.equals("DISCHARGED")));
    }

    // ---- no double effect ------------------------------------------------------------------------------------------

    /**
     * What one event causes must happen once, whichever copy arrives first: per offer one hold request, one hold
     * outcome, one offer, one answer, one withdrawal, one release, one admission, one discharge; per request one
     * submission, one placement, one cancellation, one waitlisting, one reminder, and per escalation reason one
     * escalation (but after an override, which matches again); one capacity event per figure version. Counted by
     * CloudEvent id, so a copy is not a second effect; a second event with an id of its own is.
     */
    private List<String> doubleEffects(Collection<RecordTap.Tapped> events) {
        Map<String, Function<Object, String>> onceBy = new LinkedHashMap<>();
        Function<Object, String> offer = event -> field(event, "offerId");
        Function<Object, String> request = event -> field(event, "requestId");
        onceBy.put("HoldRequested", offer);
        onceBy.put("BedHeld|BedHoldRefused", offer);
        onceBy.put("OfferMade", offer);
        onceBy.put("OfferAccepted|OfferDeclined|OfferExpired", offer);
        onceBy.put("OfferWithdrawn", offer);
        onceBy.put("HoldReleased", offer);
        onceBy.put("PatientAdmitted", offer);
        onceBy.put("PatientDischarged", offer);
        onceBy.put("RequestSubmitted", request);
        onceBy.put("RequestMatched|StayBooked", request);
        onceBy.put("RequestCancelled", request);
        onceBy.put("RequestWaitlisted", request);
        onceBy.put("StayReminderIssued", request);
        onceBy.put("ProtectionOverridden", request);
        onceBy.put("WaitingPriorityRaised", request);
        onceBy.put("RequestEscalated", event -> overridden.contains(field(event, "requestId")) ? null
                : field(event, "requestId") + " " + field(event, "reason"));
        Function<Object, String> figure = event -> field(event, "locationId") + "/" + field(event, "careType") + " v"
                + field(event, "version");
        onceBy.put("CapacityPublished|CapacityAdjusted", figure);
        List<String> doubled = new ArrayList<>();
        onceBy.forEach((types, key) -> {
            Set<String> these = Set.of(types.split("\\|"));
            events.stream().filter(event -> these.contains(event.eventType()))
                    .filter(event -> key.apply(event.payload()) != null)
                    .collect(Collectors.groupingBy(event -> key.apply(event.payload()), Collectors.toList()))
                    .forEach((what, same) -> addIf(doubled, same.size() > 1, types + " of " + what + " " + same.size()
                            + " times: " + same.stream().map(RecordTap.Tapped::eventId).toList()));
        });
        return doubled;
    }

    /** One entry per CloudEvent id: the first original seen (its payload; copies are equal). */
    private static Map<String, RecordTap.Tapped> originals(RecordTap wire) {
        Map<String, RecordTap.Tapped> originals = new LinkedHashMap<>();
        wire.events().stream().filter(event -> !event.isCopy())
                .forEach(event -> originals.putIfAbsent(event.eventId(), event));
        return originals;
    }

    private static long copies(RecordTap wire, String eventId) {
        return wire.events().stream().filter(event -> event.isCopy() && eventId.equals(event.eventId())).count();
    }

    /** A named String-valued (or numeric) field of an event record, null when it has none. */
    private static String field(Object event, String name) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return Objects.toString(component.getAccessor().invoke(event), null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    /** Waits until the condition holds, at most {@link #PATIENCE}; what is still missing then is counted as lost. */
    private static void awaitOrCountAsLost(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await(what).atMost(PATIENCE).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException stillMissing) {
            // reported with the counts, then asserted
        }
    }

    private static void addIf(List<String> list, boolean condition, String entry) {
        if (condition) {
            list.add(entry);
        }
    }

    // ---- the API ---------------------------------------------------------------------------------------------------

    private String subscribe(WebhookReceiver webhooks) {
        Map<?, ?> created = coordinator.post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", webhooks.url(), "secret", SECRET,
                        "eventTypes", new TreeSet<>(NotifiedEvents.TYPES), "scope", Map.of("region", "drenthe")))
                .retrieve().bodyToMono(Map.class).block();
        return (String) created.get("id");
    }

    private List<Map<?, ?>> deliveries(String subscription) {
        List<?> log = coordinator.get().uri("/api/v1/subscriptions/{id}/deliveries", subscription).retrieve()
                .bodyToMono(List.class).block();
        assertThat(log).as("the delivery log is read whole").hasSizeLessThan(500);
        return log.stream().<Map<?, ?>>map(entry -> (Map<?, ?>) entry).toList();
    }

    private void publish(String location, String careType, int freeBeds) {
        stack.asProviderOf(location).put().uri("/api/v1/locations/{id}/capacity/{type}", location, careType)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("freeBeds", freeBeds))
                .retrieve().toBodilessEntity().block();
    }

    /** Per GRZ location: free, held and available beds. */
    private Map<String, List<Integer>> grzFigures() {
        Map<?, ?> view = coordinator.get().uri("/api/v1/regions/drenthe/capacity?careType={type}", GRZ).retrieve()
                .bodyToMono(Map.class).block();
        Map<String, List<Integer>> figures = new TreeMap<>();
        for (Object location : (List<?>) view.get("locations")) {
            for (Object figure : (List<?>) ((Map<?, ?>) location).get("careTypes")) {
                Map<?, ?> f = (Map<?, ?>) figure;
                if (GRZ.equals(f.get("careType"))) {
                    figures.put((String) ((Map<?, ?>) location).get("locationId"), List.of(number(f, "freeBeds"),
                            number(f, "heldBeds"), number(f, "availableBeds")));
                }
            }
        }
        return figures;
    }

    /** Held beds per location and night of a calendar care type. */
    private Map<String, Integer> heldNights(String careType, LocalDate from, LocalDate to) {
        Map<?, ?> view = coordinator.get().uri("/api/v1/regions/drenthe/capacity/nights?careType={c}&from={f}&to={t}",
                careType, from, to).retrieve().bodyToMono(Map.class).block();
        Map<String, Integer> held = new TreeMap<>();
        for (Object location : (List<?>) view.get("locations")) {
            for (Object night : (List<?>) ((Map<?, ?>) location).get("nights")) {
                held.put(((Map<?, ?>) location).get("locationId") + " " + ((Map<?, ?>) night).get("night"),
                        number((Map<?, ?>) night, "heldBeds"));
            }
        }
        return held;
    }

    private static int number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).intValue();
    }

    private String submit(String user, Map<String, Object> body) {
        String id = (String) stack.as(user).post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).retrieve().bodyToMono(Map.class).block().get("id");
        started.add(id);
        return id;
    }

    private static Map<String, Object> crisis(String careType, String municipality, Integer nights) {
        Map<String, Object> body = new HashMap<>(Map.of("region", "drenthe", "careType", careType, "urgency", "CRISIS",
                "residence", Map.of("municipality", municipality), "needs", List.of(),
                "contact", Map.of("name", "Huisartsenpost", "phone", "0592 123456")));
        if (nights != null) {
            body.put("stay", Map.of("nights", nights));
        }
        return body;
    }

    private static Map<String, Object> planned(LocalDate firstNight, int nights) {
        return Map.of("region", "drenthe", "careType", RESPITE, "urgency", "PLANNED",
                "residence", Map.of("municipality", "Westerveld"), "needs", List.of(),
                "stay", Map.of("firstNight", firstNight.toString(), "nights", nights, "flexibleDays", 0),
                "contact", Map.of("name", "Respijtconsulent", "phone", "0591 000000"));
    }

    private Map<?, ?> request(String id) {
        return coordinator.get().uri("/api/v1/requests/{id}", id).retrieve().bodyToMono(Map.class).block();
    }

    private String status(String id) {
        return (String) request(id).get("status");
    }

    private Map<?, ?> awaitStatus(String id, String status) {
        return awaitStatus(id, Set.of(status));
    }

    private Map<?, ?> awaitStatus(String id, Set<String> statuses) {
        return await("request " + id + " " + statuses).atMost(PATIENCE).until(() -> request(id),
                request -> statuses.contains((String) request.get("status")));
    }

    /** The request's open offer, once there is one that passes the test (any, when null). */
    private Map<?, ?> awaitOpenOffer(String id, Predicate<Map<?, ?>> which) {
        return await("an open offer for " + id).atMost(PATIENCE).until(() -> (Map<?, ?>) request(id).get("currentOffer"),
                offer -> offer != null && "OPEN".equals(offer.get("status")) && (which == null || which.test(offer)));
    }

    private void accept(Map<?, ?> offer) {
        stack.asProviderOf((String) offer.get("locationId")).post().uri("/api/v1/offers/{id}/accept", offer.get("id"))
                .retrieve().toBodilessEntity().block();
    }

    private void cancel(String id) {
        coordinator.post().uri("/api/v1/requests/{id}/cancel", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "End of the every-event-twice test")).retrieve().toBodilessEntity().block();
    }

    private static long offersWithStatus(Map<?, ?> request, String status) {
        return ((List<?>) request.get("offers")).stream().filter(offer -> status.equals(((Map<?, ?>) offer).get("status")))
                .count();
    }
}
