package nl.adempauze.notification.api;

import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.AcknowledgeLinkSecurity;
import nl.adempauze.notification.application.PageService;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * Acknowledging a page: in the API by a coordinator of its region, or by opening the signed one-time link of an
 * e-mail or SMS (no sign-in; see {@link AcknowledgeLinkSecurity}), which answers a small Dutch page.
 */
@RestController
public class PageController {

    private final PageService pages;

    public PageController(PageService pages) {
        this.pages = pages;
    }

    @PostMapping("/api/v1/pages/{id}/acknowledge")
    public Mono<PageResponse> acknowledge(Caller caller, @PathVariable String id) {
        UUID pageId;
        try {
            pageId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("Page", id);
        }
        return pages.acknowledge(caller, pageId).map(page -> PageResponse.from(page, List.of()));
    }

    @GetMapping(value = AcknowledgeLinkSecurity.PATH, produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> acknowledgeByLink(@RequestParam(required = false) String token) {
        return pages.acknowledgeByLink(token)
                .map(use -> ResponseEntity.ok(html(use.acknowledgedNow() ? "Bevestigd" : "Al bevestigd",
                        use.acknowledgedNow()
                                ? "Dank je. Je pakt aanvraag " + use.page().requestId() + " op; niemand anders wordt"
                                + " nog opgeroepen."
                                : "Aanvraag " + use.page().requestId() + " was al bevestigd door "
                                + use.page().acknowledgedBy() + ".")))
                .defaultIfEmpty(ResponseEntity.status(HttpStatus.NOT_FOUND).body(html("Link ongeldig",
                        "Deze link is ongeldig of verlopen. Open het regiobord om de oproep te bevestigen.")));
    }

    private static String html(String title, String text) {
        return """
                <!doctype html>
                <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>%s</title></head>
                <body><h1>%s</h1><p>%s</p></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(text));
    }
}
