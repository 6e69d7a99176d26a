package nl.adempauze.simulator.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.adempauze.bedavailability.domain.NewHold;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.CrisisQueueEntry;
import nl.adempauze.requestmatching.domain.CrisisQueueOrder;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferStatus;
import nl.adempauze.requestmatching.domain.Placement;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.domain.RequestCommand;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.WaitingListOrder;
import nl.adempauze.simulator.Scenario;
import nl.adempauze.simulator.demand.GeneratedRequest;
import nl.adempauze.simulator.demand.ProviderAnswers;
import nl.adempauze.simulator.region.BedLocation;
import nl.adempauze.simulator.region.RegionModel;

/**
 * One replay: the requests of a period through request-matching's offer cycle, waiting list and crisis queue and
 * bed-availability's holds, on a virtual clock. Each step is the aggregate's own method ({@link MatchingRequest},
 * {@link Offer}), in the order the services' application classes call them (OfferCycle, CrisisQueue, WaitingList,
 * StayClocks, HoldService); what those classes do with repositories and Kafka is done here in memory, at once.
 * Providers answer as {@link ProviderAnswers} draws; a crisis stay lasts the nights the request says, a free-now
 * patient leaves at 11:00 (before the noon turnover of a night).
 */
public final class Replay {

    /** After acceptance the patient is expected this much later (request-matching.yml, default-admission-delay). */
    public static final Duration ADMISSION_DELAY = Duration.ofHours(2);
    /** One priority raise counts as this much waiting (request-matching.yml, priority-boost); none happen here. */
    private static final Duration PRIORITY_BOOST = Duration.ofDays(14);
    /** Waiting requests tried per capacity change (request-matching.yml, waiting-list-scan). */
    private static final int WAITING_LIST_SCAN = 50;
    /** The crisis queues' safety-net sweep (the service sweeps every minute; coarser here, assumption). */
    private static final Duration QUEUE_SWEEP = Duration.ofMinutes(15);
    private static final LocalTime DISCHARGE_TIME = LocalTime.of(11, 0);

    private final Map<String, RegionModel> regions;
    private final ProviderAnswers answers;
    private final EventQueue clock;
    private final Beds beds;
    private final CandidateFinder finder;
    private final AcceptanceRecords acceptance = new AcceptanceRecords();
    private final WaitingListOrder waitingOrder = new WaitingListOrder(PRIORITY_BOOST);

    private final Map<String, GeneratedRequest> generated = new LinkedHashMap<>();
    private final Map<String, MatchingRequest> requests = new HashMap<>();
    private final Map<String, Offer> offers = new HashMap<>();
    private final Map<String, List<String>> offersOfRequest = new HashMap<>();
    private final Map<String, Beds.Held> holds = new HashMap<>();
    private final Map<String, CrisisQueueEntry> crisisQueue = new HashMap<>();
    private final Map<String, Set<String>> waiting = new HashMap<>();
    private final Map<String, RequestOutcome> outcomes = new HashMap<>();
    private final Map<String, Map<String, Integer>> declined = new TreeMap<>();
    private final Map<String, Integer> expired = new TreeMap<>();
    private final Map<String, Long> bedNights = new TreeMap<>();
    private final Instant yearStart;
    private final Instant yearEnd;
    private final LocalDate firstMeasuredNight;
    private final LocalDate lastMeasuredNight;
    private long offerCount;

    public Replay(Map<String, RegionModel> regions, Scenario.Ranking ranking, ProviderAnswers answers,
                  Instant start, Instant yearStart, Instant yearEnd) {
        this.regions = Map.copyOf(regions);
        this.answers = answers;
        this.clock = new EventQueue(start);
        this.beds = new Beds(this.regions, start);
        this.finder = new CandidateFinder(this.regions, beds, acceptance, ranking);
        this.yearStart = yearStart;
        this.yearEnd = yearEnd;
        this.firstMeasuredNight = Nights.nightOf(yearStart);
        this.lastMeasuredNight = Nights.nightOf(yearEnd).minusDays(1);
    }

    /** Replays {@code demand} until {@code end} (every stay asked for should be over by then). */
    public ReplayResult run(List<GeneratedRequest> demand, Instant end) {
        for (GeneratedRequest request : demand) {
            generated.put(request.id(), request);
            clock.at(request.submittedAt(), () -> submit(request));
        }
        for (Instant sweep = clock.now(); sweep.isBefore(end); sweep = sweep.plus(QUEUE_SWEEP)) {
            clock.at(sweep, this::sweepCrisisQueues);
        }
        for (LocalDate day = Nights.nightOf(clock.now()); Nights.startOf(day).isBefore(end); day = day.plusDays(1)) {
            clock.at(Nights.startOf(day), this::dailyClocks);
        }
        clock.runUntil(end);
        List<RequestOutcome> all = new ArrayList<>();
        for (GeneratedRequest request : generated.values()) {
            all.add(outcomes.getOrDefault(request.id(), new RequestOutcome(request, null, false, 0, false, 0, 0)));
        }
        return new ReplayResult(all, declined, expired, bedNights, yearStart, yearEnd);
    }

    // --- submission and the offer cycle (OfferCycle)

    private void submit(GeneratedRequest request) {
        Instant now = clock.now();
        RegionModel region = regions.get(request.region());
        CareTypeRule rule = region.careType(request.careType());
        // as RequestService: a crisis request is needed within the care type's admission deadline, a planned stay
        // by the start of its last possible first night
        Instant neededBy = request.stay() != null ? Nights.startOf(request.stay().latestFirstNight())
                : now.plus(rule.admissionDeadline());
        MatchingRequest.Planning planning = new MatchingRequest.Planning(request.stay(), request.nights(),
                request.seriesId(), 0, false, now, null, null);
        MatchingRequest submitted = new MatchingRequest(request.id(), request.region(), request.careType(),
                request.urgency(), request.needs(), null, request.municipality(), request.latitude(),
                request.longitude(), request.funder(), neededBy, RequestStatus.SUBMITTED, null, null, null, now, now,
                planning, null);
        save(submitted.submitted(now).aggregate());
        offerNext(submitted, now);
    }

    /** OfferCycle.tryOffer: a hold on the best candidate not tried yet, or the waiting list / an escalation. */
    private boolean offerNext(MatchingRequest request, Instant now) {
        CareTypeRule rule = regions.get(request.region()).careType(request.careType());
        CandidateFinder.Result result = finder.search(request, rule, tried(request), now);
        if (result.ranking().isEmpty()) {
            MatchingRequest after = save(request.noCandidate(result.tried(), result.protectedOnly(),
                    result.windowPassed(), now).aggregate());
            if (after.joinsCrisisQueue(now)) {
                joinCrisisQueue(after, now);
            }
            return false;
        }
        requestHold(request, result.ranking().get(0), now);
        return true;
    }

    /** OfferRepository.triedLocations: ruled out by an offer's status, or tried in the current round. */
    private Set<String> tried(MatchingRequest request) {
        Set<String> tried = new HashSet<>();
        for (String id : offersOfRequest.getOrDefault(request.id(), List.of())) {
            Offer offer = offers.get(id);
            if (OfferStatus.RULE_OUT_LOCATION.contains(offer.status())
                    || !offer.createdAt().isBefore(request.planning().roundStartedAt())) {
                tried.add(offer.locationId());
            }
        }
        return tried;
    }

    /** The offer's first step, and bed-availability's answer to its hold request (HoldService.hold), at once. */
    private void requestHold(MatchingRequest request, RankedCandidate candidate, Instant now) {
        Changed<Offer> hold = Offer.requestHold("offer-" + (++offerCount), request, candidate, now);
        Offer offer = hold.aggregate();
        offersOfRequest.computeIfAbsent(request.id(), id -> new ArrayList<>()).add(offer.id());
        MatchingRequest holding = save(request.holdRequested(now).aggregate());
        HoldRequested asked = (HoldRequested) hold.events().get(0);
        RegionModel locationRegion = regions.get(offer.regionOfLocation());
        BedLocation location = locationRegion.location(offer.locationId()).orElseThrow();
        Beds.Decision decision = asked.firstNight() == null ? beds.holdFreeNow(location, offer.careType())
                : beds.holdStay(location, offer.careType(), NewHold.stayOf(asked), now);
        if (decision.held() == null) {
            offers.put(offer.id(), offer.holdRefused(decision.refusal().name()).aggregate());
            if (holding.status() == RequestStatus.SUBMITTED) {
                offerNext(holding, now);
            }
            return;
        }
        holds.put(offer.id(), decision.held());
        CareTypeRule rule = regions.get(request.region()).careType(request.careType());
        Duration response = rule.responseDeadline(request.urgency());
        Offer open = offer.held(response, decision.protectedReleased(), decision.protectedOverridden(), holding,
                false, now).aggregate();
        offers.put(open.id(), open);
        save(holding.offered(now).aggregate());
        ProviderAnswers.Answer answer = answers.answer(request.id(), location.id(), request.urgency());
        if (answer.after().compareTo(response) <= 0) {
            clock.at(now.plus(answer.after()), () -> answered(open.id(), answer));
        } else {
            // OfferDeadlines expires offers past their deadline every second
            clock.at(open.respondBy().plusSeconds(1), () -> expire(open.id()));
        }
    }

    private void answered(String offerId, ProviderAnswers.Answer answer) {
        Instant now = clock.now();
        Offer offer = offers.get(offerId);
        MatchingRequest request = requests.get(offer.requestId());
        if (offer.status() != OfferStatus.OPEN) {
            return;
        }
        acceptance.answered(offer.locationId(), now, answer.accepts());
        if (answer.accepts()) {
            accept(offer, request, now);
            return;
        }
        offers.put(offerId, offer.decline(answer.decline(), now).aggregate());
        declined.computeIfAbsent(request.region(), r -> new TreeMap<>()).merge(answer.decline().name(), 1,
                Integer::sum);
        offerNext(request, now);
        release(offerId, now);
    }

    private void expire(String offerId) {
        Instant now = clock.now();
        Offer offer = offers.get(offerId);
        if (!offer.overdue(now)) {
            return;
        }
        MatchingRequest request = requests.get(offer.requestId());
        offers.put(offerId, offer.expire(now).aggregate());
        request.offerExpired(offer, now);
        acceptance.answered(offer.locationId(), now, false);
        expired.merge(request.region(), 1, Integer::sum);
        offerNext(request, now);
        release(offerId, now);
    }

    /** The offer ended without admission: bed-availability gives the bed back, and matching hears of it. */
    private void release(String offerId, Instant now) {
        Beds.Held held = holds.remove(offerId);
        beds.release(held, now);
        capacityAppeared(held.region(), held.careType(), now);
    }

    private void accept(Offer offer, MatchingRequest request, Instant now) {
        Changed<MatchingRequest.Acceptance> accepted = request.accept(offer, null, ADMISSION_DELAY, now);
        Offer acceptedOffer = accepted.aggregate().offer();
        offers.put(offer.id(), acceptedOffer);
        MatchingRequest placed = save(accepted.aggregate().request());
        CrisisQueueEntry entry = crisisQueue.get(request.id());
        if (entry != null && entry.inQueue()) {
            crisisQueue.put(request.id(), entry.placed(now));
        }
        Beds.Held held = holds.get(offer.id());
        GeneratedRequest asked = generated.get(request.id());
        Instant admission = placed.expectedAdmissionAt();
        int nights;
        if (held.onCalendar()) {
            nights = held.nights().size();
            held.nights().forEach(night -> countBedNight(held, night.night()));
            Instant leaves = Nights.startOf(held.nights().get(nights - 1).night().plusDays(1))
                    .minus(Duration.ofHours(1));
            clock.at(admission, () -> save(requests.get(request.id()).admitted(clock.now()).aggregate()));
            clock.at(leaves.isAfter(admission) ? leaves : admission.plusSeconds(1),
                    () -> save(requests.get(request.id()).discharged(clock.now()).aggregate()));
        } else {
            nights = asked.nights();
            // the stay's first night is the one running an hour after admission, so the patient always leaves
            // (at 11:00) after arriving; the hindsight optimum counts a stay's nights the same way
            LocalDate firstNight = firstFreeNowNight(admission);
            for (int n = 0; n < nights; n++) {
                countBedNight(held, firstNight.plusDays(n));
            }
            Instant leaves = firstNight.plusDays(nights).atTime(DISCHARGE_TIME).atZone(Nights.ZONE).toInstant();
            clock.at(admission, () -> {
                beds.admit(held);
                save(requests.get(request.id()).admitted(clock.now()).aggregate());
            });
            clock.at(leaves, () -> {
                beds.discharge(held);
                holds.remove(offer.id());
                save(requests.get(request.id()).discharged(clock.now()).aggregate());
                capacityAppeared(held.region(), held.careType(), clock.now());
            });
        }
        Placement placement = new Placement(request.urgency(), request.careType(), request.submittedAt(), now,
                request.neededBy(), acceptedOffer.firstNight());
        outcomes.put(request.id(), new RequestOutcome(asked, placement, acceptedOffer.outsideRegion(), nights,
                held.onCalendar(), acceptedOffer.protectedNightsReleased(),
                acceptedOffer.protectedNightsOverridden()));
    }

    /** The first night a free-now stay admitted at {@code admission} counts. */
    public static LocalDate firstFreeNowNight(Instant admission) {
        return Nights.nightOf(admission.plus(Duration.ofHours(1)));
    }

    private void countBedNight(Beds.Held held, LocalDate night) {
        if (!night.isBefore(firstMeasuredNight) && !night.isAfter(lastMeasuredNight)) {
            bedNights.merge(held.region() + "/" + held.careType(), 1L, Long::sum);
        }
    }

    // --- capacity appeared (ReplicaUpdates): the crisis queue first, then, for nights, the waiting list

    private void capacityAppeared(String region, String careType, Instant now) {
        boolean held = rematchCrisisQueue(region, careType, now);
        if (!held && regions.get(region).careType(careType).onCalendar()) {
            rematchWaitingList(region, careType, now);
        }
    }

    // --- the crisis queue (CrisisQueue)

    private void joinCrisisQueue(MatchingRequest request, Instant now) {
        CrisisQueueEntry known = crisisQueue.get(request.id());
        if (known == null || !known.inQueue()) {
            crisisQueue.put(request.id(), CrisisQueueEntry.joined(request.id(), now));
        }
        clock.at(request.neededBy(), () -> leaveCrisisQueue(request.id()));
    }

    /** CrisisQueue.leaveWhenDeadlinePassed, at the deadline itself. */
    private void leaveCrisisQueue(String requestId) {
        Instant now = clock.now();
        CrisisQueueEntry entry = crisisQueue.get(requestId);
        MatchingRequest request = requests.get(requestId);
        if (entry != null && entry.inQueue() && request.can(RequestCommand.LEAVE_QUEUE)
                && !request.neededBy().isAfter(now)) {
            crisisQueue.put(requestId, request.leaveQueue(entry, now).aggregate());
        }
    }

    /** CrisisQueue.rematch: the own queue, then the queues of regions this region's beds may be offered to. */
    private boolean rematchCrisisQueue(String region, String careType, Instant now) {
        if (rematchOwnQueue(region, careType, now)) {
            return true;
        }
        for (RegionModel other : regions.values().stream().sorted(Comparator.comparing(RegionModel::id)).toList()) {
            boolean offeredTo = other.neighbours().stream()
                    .anyMatch(n -> n.region().equals(region) && n.offerWhenFull());
            if (offeredTo && !other.id().equals(region) && rematchOwnQueue(other.id(), careType, now)) {
                return true;
            }
        }
        return false;
    }

    private boolean rematchOwnQueue(String region, String careType, Instant now) {
        List<CrisisQueueOrder.Entry> line = new ArrayList<>();
        crisisQueue.forEach((id, entry) -> {
            MatchingRequest request = requests.get(id);
            if (entry.inQueue() && !entry.paused() && request.region().equals(region)
                    && request.careType().equals(careType) && request.can(RequestCommand.RETRY_FROM_QUEUE)) {
                line.add(new CrisisQueueOrder.Entry(id, request.neededBy(), entry.since()));
            }
        });
        line.sort(CrisisQueueOrder.comparator());
        for (CrisisQueueOrder.Entry next : line) {
            MatchingRequest retried = save(requests.get(next.requestId()).retryFromQueue(now).aggregate());
            CandidateFinder.Result result = finder.search(retried,
                    regions.get(region).careType(careType), tried(retried), now);
            if (!result.ranking().isEmpty()) {
                requestHold(retried, result.ranking().get(0), now);
                return true;
            }
        }
        return false;
    }

    private void sweepCrisisQueues() {
        Set<String> queues = new TreeSet<>();
        crisisQueue.forEach((id, entry) -> {
            if (entry.inQueue()) {
                MatchingRequest request = requests.get(id);
                queues.add(request.region() + "/" + request.careType());
            }
        });
        for (String queue : queues) {
            String[] key = queue.split("/", 2);
            rematchCrisisQueue(key[0], key[1], clock.now());
        }
    }

    // --- the waiting list (WaitingList) and the calendar's daily clock (StayClocks)

    private void rematchWaitingList(String region, String careType, Instant now) {
        Set<String> list = waiting.getOrDefault(region + "/" + careType, Set.of());
        List<WaitingListOrder.Entry> line = new ArrayList<>();
        for (String id : list) {
            MatchingRequest request = requests.get(id);
            line.add(new WaitingListOrder.Entry(id, request.planning().waitingSince(), request.planning().priority()));
        }
        line.sort(waitingOrder.comparator());
        for (WaitingListOrder.Entry next : line.subList(0, Math.min(WAITING_LIST_SCAN, line.size()))) {
            MatchingRequest request = requests.get(next.requestId());
            if (request.can(RequestCommand.REMATCH)
                    && offerNext(save(request.rematch(now).aggregate()), now)) {
                return;
            }
        }
    }

    /** Once a day at the night's turnover: stays whose last first night has begun leave the waiting list. */
    private void dailyClocks() {
        Instant now = clock.now();
        LocalDate tonight = Nights.nightOf(now);
        for (Set<String> list : waiting.values()) {
            for (String id : new ArrayList<>(list)) {
                MatchingRequest request = requests.get(id);
                if (request.planning().stay().latestFirstNight().isBefore(tonight)) {
                    save(request.windowPassed(now).aggregate());
                }
            }
        }
        for (String list : new TreeSet<>(waiting.keySet())) {
            String[] key = list.split("/", 2);
            rematchWaitingList(key[0], key[1], now);
        }
    }

    /** Keeps the request as it now is, and the waiting list in step with its status. */
    private MatchingRequest save(MatchingRequest request) {
        requests.put(request.id(), request);
        Set<String> list = waiting.computeIfAbsent(request.region() + "/" + request.careType(),
                key -> new TreeSet<>());
        if (request.status() == RequestStatus.WAITING) {
            list.add(request.id());
        } else {
            list.remove(request.id());
        }
        return request;
    }
}
