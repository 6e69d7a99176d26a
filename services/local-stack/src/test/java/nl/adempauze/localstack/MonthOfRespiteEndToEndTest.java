package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * A month of mixed crisis and planned respite demand from Emmen, where two logeerhuizen have two Wmo respite beds a
 * night, one of them protected for planned respite. Providers accept (now and then decline) every offer; a
 * coordinator overrides the protection once. Afterwards: bed-availability's count of held beds on every night is
 * exactly the stays holding it, no protected night beyond the release horizon went to a crisis stay without an
 * override, every booking holds, a recurring stay is booked every week, and a cancelled booking is offered to the
 * waiting list at once. Every event is delivered twice throughout (see E2eStack).
 * <p>
 * Who does what: the respite consultant of Emmen books the planned stays and cancels one, the GP post asks for the
 * crisis stays, each logeerhuis's own provider publishes and answers for its locations, and the coordinator of
 * drenthe reads the requests and the calendar and overrides the protection.
 */
class MonthOfRespiteEndToEndTest {

    private static final String CARE_TYPE = "WMO_LOGEER";
    private static final List<String> LOCATIONS = List.of("loc-emmen-logeerhuis-de-esdoorn", "loc-dalen-het-dalerhof");
    private static final int BEDS_PER_NIGHT = 2;
    /** The seed protects half of the Wmo respite beds: ceil(0.5 x 2) = 1 per night at each location. */
    private static final int PROTECTED_PER_NIGHT = 1;
    private static final int DAYS = 35;
    private static final int PLANNED = 40;
    private static final int CRISIS = 8;
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private final Random random = new Random(20261122L);

    @Test
    void aMonthOfCrisisAndPlannedDemandKeepsProtectionAndEveryBooking() {
        E2eStack stack = E2eStack.get();
        WebClient api = stack.as(E2eStack.COORDINATOR);
        WebClient consultant = stack.as(E2eStack.RESPITE_CONSULTANT);
        WebClient gp = stack.as(E2eStack.REFERRER);
        LocalDate tonight = Nights.nightOf(Instant.now());
        LocalDate lastNight = tonight.plusDays(DAYS - 1L);
        try (TopicRecorder recorder = new TopicRecorder(stack.infrastructure.kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.HOLDS.name(), EventCatalogue.REQUESTS.name()))) {
            for (String location : LOCATIONS) {
                put(stack.asProviderOf(location), "/api/v1/locations/" + location + "/capacity/" + CARE_TYPE + "/nights", Map.of("nights",
                        List.of(Map.of("from", tonight.toString(), "to", lastNight.toString(),
                                "freeBeds", BEDS_PER_NIGHT))));
            }
            stack.awaitMatchingCaughtUp();
            Provider provider = new Provider(stack, random, List.copyOf(calendar(api, tonight, tonight).keySet()));

            // a carer books one night a week for three weeks, before the month fills up
            String recurring = submit(consultant, planned(tonight.plusDays(4), 1, 0,
                    Map.of("every", "WEEK", "times", 3)));
            List<String> series = series(api, recurring);
            // the month's demand, in one burst: planned stays over the month and crisis stays from tonight
            List<String> planned = new ArrayList<>();
            for (int i = 0; i < PLANNED; i++) {
                planned.add(submit(consultant, planned(tonight.plusDays(3 + random.nextInt(DAYS - 8)), 2 + random.nextInt(3),
                        random.nextInt(3), null)));
            }
            List<String> crisis = Flux.range(0, CRISIS).concatMap(i -> Flux.just(submit(gp, crisis(4 + random.nextInt(4)))))
                    .collectList().block();
            provider.answerUntilSettled(SETTLE, api, concat(series, planned, crisis));

            // the coordinator lets one crisis stay that only protected nights could take have its bed
            String overridden = crisis.stream().filter(id -> "ESCALATED".equals(status(api, id))).findFirst()
                    .orElseThrow(() -> new AssertionError("no crisis request escalated; the month was too quiet"));
            post(api, "/api/v1/requests/" + overridden + "/protection-override",
                    Map.of("reason", "Carer admitted to hospital; no other bed"));
            provider.answerUntilSettled(SETTLE, api, List.of(overridden));
            assertThat(status(api, overridden)).isEqualTo("MATCHED");

            // a booked stay is cancelled, while a carer waits for exactly those nights: the freed nights go to the
            // waiting list at once, to the first in line they fit (that carer, or one who has waited longer)
            String cancelled = planned.stream().filter(id -> "BOOKED".equals(status(api, id))).findFirst().orElseThrow();
            Map<?, ?> booking = (Map<?, ?>) request(api, cancelled).get("match");
            LocalDate first = LocalDate.parse((String) booking.get("firstNight"));
            int nights = ((Number) booking.get("nights")).intValue();
            String freedAt = (String) booking.get("locationId");
            String waiting = fillAndWait(api, consultant, provider, first, nights);
            List<String> waitingBefore = concat(planned, List.of(waiting)).stream()
                    .filter(id -> "WAITING".equals(status(api, id))).toList();
            post(consultant, "/api/v1/requests/" + cancelled + "/cancel", Map.of("reason", "Carer's plans changed"));
            String offeredFromWaitingList = await("the freed nights offered to the waiting list").atMost(SETTLE)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        provider.answerOpenOffers();
                        return waitingBefore.stream().filter(id -> "BOOKED".equals(status(api, id))).findFirst();
                    }, java.util.Optional::isPresent).orElseThrow();
            Map<?, ?> rebooked = (Map<?, ?>) request(api, offeredFromWaitingList).get("match");
            assertThat(rebooked.get("locationId")).isEqualTo(freedAt);
            LocalDate rebookedFirst = LocalDate.parse((String) rebooked.get("firstNight"));
            assertThat(rebookedFirst).as("booked on the freed nights")
                    .isBefore(first.plusDays(nights))
                    .isAfterOrEqualTo(first.minusDays(((Number) rebooked.get("nights")).intValue() - 1L));

            List<String> all = concat(series, planned, crisis, List.of(waiting));
            Map<String, Long> statuses = all.stream().collect(Collectors.groupingBy(id -> status(api, id),
                    TreeMap::new, Collectors.counting()));
            assertThat(statuses).as("every request answered").doesNotContainKeys("SUBMITTED", "OFFERED");
            assertThat(series).allSatisfy(id -> assertThat(status(api, id)).as("weekly stay %s", id)
                    .isEqualTo("BOOKED"));

            stack.awaitMatchingCaughtUp();
            Ledger ledger = Ledger.from(recorder);
            Map<String, Map<LocalDate, Map<?, ?>>> calendar = calendar(api, tonight, lastNight);
            int nightsChecked = 0;
            for (String location : LOCATIONS) {
                for (LocalDate night = tonight; !night.isAfter(lastNight); night = night.plusDays(1)) {
                    Map<?, ?> figure = calendar.get(location).get(night);
                    int held = ((Number) figure.get("heldBeds")).intValue();
                    assertThat(held).as("%s %s held = the stays holding it", location, night)
                            .isEqualTo(ledger.holding(location, night, hold -> true));
                    assertThat(held).as("%s %s never over-booked", location, night).isLessThanOrEqualTo(BEDS_PER_NIGHT);
                    if (!night.isBefore(tonight.plusDays(3))) {
                        // beyond the 48 h release horizon the whole test long: crisis keeps off the protected bed
                        assertThat(ledger.holding(location, night, hold -> hold.urgency().equals("CRISIS")
                                && !hold.protectionOverride()))
                                .as("%s %s crisis stays without override", location, night)
                                .isLessThanOrEqualTo(BEDS_PER_NIGHT - PROTECTED_PER_NIGHT);
                    }
                    nightsChecked++;
                }
            }
            Set<String> bookedOffers = recorder.payloads(StayBooked.class).stream().map(StayBooked::offerId)
                    .filter(offer -> !ledger.released.contains(offer)).collect(Collectors.toSet());
            assertThat(ledger.active()).as("every booking holds its nights").containsAll(bookedOffers);
            assertThat(ledger.overriddenNights()).as("nights taken by the coordinator's override").isPositive();

            System.out.printf("Month of respite: %d requests %s; %d nights checked; %d stays holding beds, %d "
                            + "protected nights released to crisis, %d taken by override; %d declines%n", all.size(),
                    statuses, nightsChecked, ledger.active().size(), ledger.releasedNights(),
                    ledger.overriddenNights(), provider.declined);
        }
    }

    /** Fills the nights of a stay at both locations, then submits a request for exactly those nights: it waits. */
    private String fillAndWait(WebClient api, WebClient consultant, Provider provider, LocalDate first, int nights) {
        String waiting = null;
        for (int attempt = 0; attempt < 2 * BEDS_PER_NIGHT * LOCATIONS.size() + 1; attempt++) {
            String id = submit(consultant, planned(first, nights, 0, null));
            provider.answerUntilSettled(SETTLE, api, List.of(id));
            if ("WAITING".equals(status(api, id))) {
                waiting = id;
                break;
            }
        }
        assertThat(waiting).as("a request for %s + %d nights waits", first, nights).isNotNull();
        return waiting;
    }

    /** Who holds which nights, from bed-availability's own events (each counted once, despite redelivery). */
    private record Ledger(Map<String, BedHeld> held, Map<String, HoldRequested> requested, Set<String> released) {

        static Ledger from(TopicRecorder recorder) {
            Map<String, BedHeld> held = new LinkedHashMap<>();
            recorder.payloads(BedHeld.class, hold -> CARE_TYPE.equals(hold.careType()))
                    .forEach(hold -> held.putIfAbsent(hold.offerId(), hold));
            Map<String, HoldRequested> requested = new HashMap<>();
            recorder.payloads(HoldRequested.class).forEach(hold -> requested.putIfAbsent(hold.offerId(), hold));
            Set<String> released = recorder.payloads(HoldReleased.class).stream().map(HoldReleased::offerId)
                    .collect(Collectors.toCollection(HashSet::new));
            return new Ledger(held, requested, released);
        }

        Set<String> active() {
            return held.keySet().stream().filter(offer -> !released.contains(offer)).collect(Collectors.toSet());
        }

        int holding(String location, LocalDate night, java.util.function.Predicate<HoldRequested> which) {
            return (int) active().stream().map(held::get)
                    .filter(hold -> hold.locationId().equals(location) && hold.firstNight() != null
                            && !night.isBefore(hold.firstNight()) && night.isBefore(hold.firstNight()
                            .plusDays(hold.nights())))
                    .filter(hold -> which.test(requested.get(hold.offerId())))
                    .count();
        }

        int releasedNights() {
            return active().stream().mapToInt(offer -> held.get(offer).protectedNightsReleased()).sum();
        }

        int overriddenNights() {
            return active().stream().mapToInt(offer -> held.get(offer).protectedNightsOverridden()).sum();
        }
    }

    /**
     * The providers of the region's logeerhuizen (a crisis stay may go to one further away): each answers every open
     * offer at its own locations, declining about one in ten.
     */
    private static final class Provider {

        private final E2eStack stack;
        private final Random random;
        private final List<String> locations;
        int declined;

        Provider(E2eStack stack, Random random, List<String> locations) {
            this.stack = stack;
            this.random = random;
            this.locations = locations;
        }

        void answerUntilSettled(Duration atMost, WebClient api, List<String> requests) {
            try {
                await("requests settled").atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
                    answerOpenOffers();
                    return requests.stream().map(id -> status(api, id))
                            .noneMatch(status -> status.equals("SUBMITTED") || status.equals("OFFERED"));
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                String stuck = requests.stream().filter(id -> List.of("SUBMITTED", "OFFERED").contains(status(api, id)))
                        .findFirst().map(id -> api.get().uri("/api/v1/requests/{id}", id).retrieve()
                                .bodyToMono(String.class).block()).orElse("none");
                throw new AssertionError("Requests did not settle: " + requests.stream().collect(Collectors
                        .groupingBy(id -> status(api, id), TreeMap::new, Collectors.counting())) + "; one: " + stuck, e);
            }
        }

        void answerOpenOffers() {
            for (String location : locations) {
                WebClient api = stack.asProviderOf(location);
                List<?> offers = api.get().uri("/api/v1/locations/{id}/offers", location).retrieve()
                        .bodyToMono(List.class).block();
                for (Object offer : offers) {
                    String id = (String) ((Map<?, ?>) offer).get("id");
                    boolean decline = random.nextInt(10) == 0;
                    api.post().uri("/api/v1/offers/{id}/" + (decline ? "decline" : "accept"), id)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(decline ? Map.of("reason", "Geen personeel die nacht", "reasonCode", "NO_STAFF")
                                    : Map.of())
                            .exchangeToMono(response -> response.releaseBody()).block();
                    if (decline) {
                        declined++;
                    }
                }
            }
        }
    }

    private static Map<String, Object> planned(LocalDate firstNight, int nights, int flexibleDays,
                                               Map<String, Object> repeat) {
        Map<String, Object> stay = new HashMap<>(Map.of("firstNight", firstNight.toString(), "nights", nights,
                "flexibleDays", flexibleDays));
        if (repeat != null) {
            stay.put("repeat", repeat);
        }
        return Map.of("region", "drenthe", "careType", CARE_TYPE, "urgency", "PLANNED",
                "residence", Map.of("municipality", "Emmen"), "needs", List.of(), "stay", stay,
                "contact", Map.of("name", "Respijtconsulent Emmen", "phone", "0591 000000"));
    }

    private static Map<String, Object> crisis(int nights) {
        return Map.of("region", "drenthe", "careType", CARE_TYPE, "urgency", "CRISIS",
                "residence", Map.of("municipality", "Emmen"), "stay", Map.of("nights", nights),
                "contact", Map.of("name", "Huisartsenpost Emmen", "phone", "0591 111111"));
    }

    private static String submit(WebClient api, Map<String, Object> body) {
        return (String) api.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().bodyToMono(Map.class).block().get("id");
    }

    private static List<String> series(WebClient api, String requestId) {
        return ((List<?>) ((Map<?, ?>) request(api, requestId).get("stay")).get("series")).stream()
                .map(String.class::cast).toList();
    }

    private static Map<?, ?> request(WebClient api, String id) {
        return api.get().uri("/api/v1/requests/{id}", id).retrieve().bodyToMono(Map.class).block();
    }

    private static String status(WebClient api, String id) {
        return (String) request(api, id).get("status");
    }

    private static void put(WebClient api, String uri, Object body) {
        api.put().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().toBodilessEntity()
                .block();
    }

    private static void post(WebClient api, String uri, Object body) {
        api.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().toBodilessEntity()
                .block();
    }

    private static Map<String, Map<LocalDate, Map<?, ?>>> calendar(WebClient api, LocalDate from, LocalDate to) {
        Map<?, ?> view = api.get().uri("/api/v1/regions/drenthe/capacity/nights?careType={c}&from={f}&to={t}",
                CARE_TYPE, from, to).retrieve().bodyToMono(Map.class).block();
        Map<String, Map<LocalDate, Map<?, ?>>> calendar = new HashMap<>();
        for (Object location : (List<?>) view.get("locations")) {
            Map<LocalDate, Map<?, ?>> nights = new HashMap<>();
            for (Object night : (List<?>) ((Map<?, ?>) location).get("nights")) {
                nights.put(LocalDate.parse((String) ((Map<?, ?>) night).get("night")), (Map<?, ?>) night);
            }
            calendar.put((String) ((Map<?, ?>) location).get("locationId"), nights);
        }
        return calendar;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
