package nl.adempauze.requestmatching.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.RequestAccess;
import nl.adempauze.requestmatching.application.RequestReading;
import nl.adempauze.requestmatching.application.WaitingList;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.WaitingListOrder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The coordinator's view of a region's waiting lists, in the order they are offered beds. */
@RestController
public class WaitingListController {

    /** One waiting request in line: its place, the stay it waits for, and why it stands there. */
    public record InLine(int position, String requestId, String careType, LocalDate firstNight, String weekendIn,
                         int nights, int flexibleDays, String seriesId, Instant waitingSince, int priority,
                         double effectiveWaitDays) {
    }

    private final WaitingList waitingList;
    private final RequestReading requests;
    private final Clock clock;

    public WaitingListController(WaitingList waitingList, RequestReading requests, Clock clock) {
        this.waitingList = waitingList;
        this.requests = requests;
        this.clock = clock;
    }

    /** Every waiting list of the region (or of one care type), each in order; first in line first. */
    @GetMapping("/api/v1/regions/{region}/waiting-list")
    public Mono<List<InLine>> waitingList(@PathVariable String region,
                                          @RequestParam(required = false) String careType, Caller caller) {
        Access.require(RequestAccess.regionBoard(caller, region), "Region", region);
        Instant now = clock.instant();
        WaitingListOrder order = waitingList.order();
        return waitingList.careTypesWaiting(region, careType)
                .flatMapMany(Flux::fromIterable)
                .concatMap(listed -> waitingList.inOrder(region, listed).flatMapMany(line -> {
                    List<Mono<InLine>> entries = new ArrayList<>();
                    for (int i = 0; i < line.size(); i++) {
                        int position = i + 1;
                        WaitingListOrder.Entry entry = line.get(i);
                        double days = order.effectiveWait(entry, now).toMinutes() / 1440.0;
                        entries.add(requests.find(entry.requestId()).map(request -> inLine(position, request, entry,
                                Math.round(days * 10) / 10.0)));
                    }
                    return Flux.concat(entries);
                }))
                .collectList();
    }

    private static InLine inLine(int position, MatchingRequest request, WaitingListOrder.Entry entry, double days) {
        var stay = request.planning().stay();
        return new InLine(position, request.id(), request.careType(), stay.firstNight(),
                stay.weekendIn() == null ? null : stay.weekendIn().toString(), stay.nights(), stay.flexibleDays(),
                request.planning().seriesId(), entry.waitingSince(), entry.priority(), days);
    }
}
