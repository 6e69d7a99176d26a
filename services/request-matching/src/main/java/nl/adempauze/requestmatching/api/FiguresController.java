package nl.adempauze.requestmatching.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.Figures;
import nl.adempauze.requestmatching.application.FiguresReport;
import nl.adempauze.requestmatching.application.ReportPeriod;
import nl.adempauze.requestmatching.application.RequestAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The coordinator's figures of a region for a period (coordinators of the region and admins; no patient in them):
 * as JSON, and the same as a CSV download for spreadsheets ({@code figures.csv}).
 */
@RestController
public class FiguresController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final FiguresReport report;
    private final Clock clock;

    public FiguresController(FiguresReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    /** Figures for the days {@code from} up to and including {@code to} (Dutch dates; default the last 30 days). */
    @GetMapping("/api/v1/regions/{region}/figures")
    public Mono<Figures> figures(@PathVariable String region, @RequestParam(required = false) LocalDate from,
                                 @RequestParam(required = false) LocalDate to, Caller caller) {
        Access.require(RequestAccess.figures(caller, region), "Region", region);
        return Mono.fromSupplier(() -> ReportPeriod.of(from, to, clock)).flatMap(period -> report.of(region, period));
    }

    /** The same figures as a CSV file, one row per section, urgency, care type and key (see {@link FiguresCsv}). */
    @GetMapping("/api/v1/regions/{region}/figures.csv")
    public Mono<ResponseEntity<String>> figuresCsv(@PathVariable String region,
                                                   @RequestParam(required = false) LocalDate from,
                                                   @RequestParam(required = false) LocalDate to, Caller caller) {
        Access.require(RequestAccess.figures(caller, region), "Region", region);
        return Mono.fromSupplier(() -> ReportPeriod.of(from, to, clock))
                .flatMap(period -> report.of(region, period))
                .map(figures -> ResponseEntity.ok()
                        .contentType(CSV)
                        .header("Content-Disposition", ContentDisposition.attachment()
                                .filename(fileName(figures)).build().toString())
                        .body(FiguresCsv.render(figures)));
    }

    /** {@code adempauze-<region>-<from>-<to>.csv}, the region reduced to letters, digits, '-' and '_'. */
    static String fileName(Figures figures) {
        return "adempauze-" + figures.region().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + figures.from() + "-"
                + figures.to() + ".csv";
    }
}
