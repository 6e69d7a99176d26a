package nl.adempauze.notification.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.application.PageService;
import nl.adempauze.notification.application.PagingAccess;
import nl.adempauze.notification.application.RotaService;
import nl.adempauze.notification.domain.AcknowledgementTimes;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A region's on-call rota and its pages, for the region's coordinators and administrators (403 for anyone else,
 * checked before the body is read).
 */
@RestController
@RequestMapping("/api/v1/regions/{region}")
public class RotaController {

    private final RotaService rota;
    private final PageService pages;

    public RotaController(RotaService rota, PageService pages) {
        this.rota = rota;
        this.pages = pages;
    }

    @GetMapping("/on-call")
    public Mono<OnCallResponse> onCall(Caller caller, @PathVariable String region) {
        return rota.onCall(caller, region).map(OnCallResponse::from);
    }

    @PostMapping("/shifts")
    public Mono<ResponseEntity<ShiftResponse>> plan(Caller caller, @PathVariable String region,
                                                    @RequestBody Mono<ShiftRequest> body) {
        PagingAccess.checkRota(caller, region);
        return body.flatMap(request -> rota.create(caller, region, id -> request.toShift(id, region)))
                .map(shift -> ResponseEntity
                        .created(URI.create("/api/v1/regions/" + region + "/shifts/" + shift.id()))
                        .body(ShiftResponse.from(shift)));
    }

    /** Changes a shift; a swap is this with primary and backup exchanged. */
    @PutMapping("/shifts/{id}")
    public Mono<ShiftResponse> change(Caller caller, @PathVariable String region, @PathVariable String id,
                                      @RequestBody Mono<ShiftRequest> body) {
        PagingAccess.checkRota(caller, region);
        UUID shiftId = parseId(id);
        return body.flatMap(request -> rota.replace(caller, region, shiftId, given -> request.toShift(given, region)))
                .map(ShiftResponse::from);
    }

    @DeleteMapping("/shifts/{id}")
    public Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String region, @PathVariable String id) {
        return rota.delete(caller, region, parseId(id)).thenReturn(ResponseEntity.noContent().build());
    }

    /** The region's pages, newest first, with every message sent for each. */
    @GetMapping("/pages")
    public Mono<List<PageResponse>> pages(Caller caller, @PathVariable String region) {
        return pages.ofRegion(caller, region).map(views -> views.stream().map(PageResponse::from).toList());
    }

    /** How quickly the region's pages were acknowledged: p50 and p90 over the last {@code days} days (30). */
    @GetMapping("/pages/acknowledgement-times")
    public Mono<AcknowledgementTimes> acknowledgementTimes(Caller caller, @PathVariable String region,
                                                           @RequestParam(defaultValue = "30") int days) {
        return pages.acknowledgementTimes(caller, region, days);
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("Shift", id);
        }
    }
}
