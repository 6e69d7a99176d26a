package nl.adempauze.requestmatching.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.adempauze.requestmatching.application.Figures;

/**
 * The figures as CSV (RFC 4180, CRLF line ends, UTF-8): one row per section, urgency, care type and key, under the
 * header {@value #HEADER}. Urgency is empty where a figure is not kept per urgency. Sections and their keys:
 * <ul>
 *   <li>{@code submitted}, {@code placements}: {@code count};</li>
 *   <li>{@code timeToPlacement}: {@code count}, {@code medianMinutes}, {@code p90Minutes} (empty without
 *       placements);</li>
 *   <li>{@code withinTarget}: {@code placements}, {@code withinTarget}, {@code share};</li>
 *   <li>{@code declines}, {@code escalations}: the reason;</li>
 *   <li>{@code plannedNightsBooked}: {@code nights}; {@code protectedNightsTakenByCrisis}: {@code byRelease},
 *       {@code byOverride}; {@code waitedBeforeBooking}: {@code bookings}, {@code averageHours}, {@code maxHours};
 *       {@code waitingListNow}: {@code length}, {@code longestWaitHours}.</li>
 * </ul>
 */
final class FiguresCsv {

    static final String HEADER = "region,from,to,section,urgency,careType,key,value";
    private static final String LINE_END = "\r\n";

    private FiguresCsv() {
    }

    static String render(Figures figures) {
        StringBuilder csv = new StringBuilder(HEADER).append(LINE_END);
        String period = cell(figures.region()) + "," + figures.from() + "," + figures.to() + ",";
        rows(figures).forEach(row -> csv.append(period).append(row).append(LINE_END));
        return csv.toString();
    }

    private static Stream<String> rows(Figures figures) {
        Stream<String> byUrgency = figures.byUrgencyAndCareType().stream().flatMap(f -> Stream.of(
                        Stream.of(row("submitted", f.urgency(), f.careType(), "count", f.submitted()),
                                row("placements", f.urgency(), f.careType(), "count", f.placements()),
                                row("timeToPlacement", f.urgency(), f.careType(), "count",
                                        f.timeToPlacement().count()),
                                row("timeToPlacement", f.urgency(), f.careType(), "medianMinutes",
                                        f.timeToPlacement().medianMinutes()),
                                row("timeToPlacement", f.urgency(), f.careType(), "p90Minutes",
                                        f.timeToPlacement().p90Minutes()),
                                row("withinTarget", f.urgency(), f.careType(), "placements",
                                        f.withinTarget().placements()),
                                row("withinTarget", f.urgency(), f.careType(), "withinTarget",
                                        f.withinTarget().withinTarget()),
                                row("withinTarget", f.urgency(), f.careType(), "share", f.withinTarget().share())),
                        byKey("declines", f.urgency(), f.careType(), f.declinesByReason()),
                        byKey("escalations", f.urgency(), f.careType(), f.escalationsByReason()))
                .flatMap(rows -> rows));
        Stream<String> byCareType = figures.careTypes().stream().flatMap(f -> Stream.of(
                row("plannedNightsBooked", "PLANNED", f.careType(), "nights", f.plannedNightsBooked()),
                row("protectedNightsTakenByCrisis", "CRISIS", f.careType(), "byRelease",
                        f.protectedNightsTakenByCrisis().byRelease()),
                row("protectedNightsTakenByCrisis", "CRISIS", f.careType(), "byOverride",
                        f.protectedNightsTakenByCrisis().byOverride()),
                row("waitedBeforeBooking", "PLANNED", f.careType(), "bookings", f.waitedBeforeBooking().bookings()),
                row("waitedBeforeBooking", "PLANNED", f.careType(), "averageHours",
                        f.waitedBeforeBooking().averageHours()),
                row("waitedBeforeBooking", "PLANNED", f.careType(), "maxHours", f.waitedBeforeBooking().maxHours()),
                row("waitingListNow", "PLANNED", f.careType(), "length", f.waitingListNow().length()),
                row("waitingListNow", "PLANNED", f.careType(), "longestWaitHours",
                        f.waitingListNow().longestWaitHours())));
        return Stream.concat(byUrgency, byCareType);
    }

    private static Stream<String> byKey(String section, String urgency, String careType, Map<String, Long> counts) {
        return counts.entrySet().stream().map(entry -> row(section, urgency, careType, entry.getKey(),
                entry.getValue()));
    }

    private static String row(String section, String urgency, String careType, String key, Object value) {
        return List.of(section, urgency == null ? "" : urgency, careType, key, value == null ? "" : value.toString())
                .stream().map(FiguresCsv::cell).collect(Collectors.joining(","));
    }

    /** Quotes a cell holding a comma, quote or line break; defuses one a spreadsheet would read as a formula. */
    static String cell(String value) {
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !value.matches("-[0-9.]+");
        String text = formula ? "'" + value : value;
        boolean quoted = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
