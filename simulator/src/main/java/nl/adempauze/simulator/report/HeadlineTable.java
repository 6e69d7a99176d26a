package nl.adempauze.simulator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nl.adempauze.simulator.measure.Measures;

/** The headline table, as aligned text for a terminal or as CSV (one header line, one line per policy). */
public final class HeadlineTable {

    private record Column(String header, Function<PolicyRow, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("policy", PolicyRow::policy),
            new Column("crisis in time", r -> percent(r.measures().crisisInTimeShare())),
            new Column("crisis median min", r -> number(r.measures().crisisMedianMinutes(), 0)),
            new Column("crisis p90 min", r -> number(r.measures().crisisP90Minutes(), 0)),
            new Column("planned booked", r -> r.measures().plannedBooked() + "/" + r.measures().plannedRequests()),
            new Column("planned nights booked", r -> r.measures().plannedNightsBooked() + "/"
                    + r.measures().plannedNightsAsked()),
            new Column("respite nights to crisis", r -> String.valueOf(r.measures().plannedNightsDisplaced())),
            new Column("of them protected", r -> String.valueOf(r.measures().protectedNightsToCrisis())),
            new Column("respite wait median d", r -> number(r.measures().respiteMedianWaitDays(), 1)),
            new Column("respite wait p90 d", r -> number(r.measures().respiteP90WaitDays(), 1)),
            new Column("acute occupancy", r -> percent(r.measures().acuteOccupancy())),
            new Column("respite occupancy", r -> percent(r.measures().respiteOccupancy())),
            new Column("offers declined", r -> String.valueOf(r.measures().offersDeclined())),
            new Column("offers expired", r -> String.valueOf(r.measures().offersExpired())),
            new Column("border placements", r -> String.valueOf(r.measures().borderPlacements())),
            new Column("placed in time (all regions)", r -> String.valueOf(r.placedInTimeAll())),
            new Column("share of optimum", r -> (r.optimumExact() ? "" : ">= ") + percent(r.shareOfOptimum())));

    private HeadlineTable() {
    }

    public static String text(List<PolicyRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(COLUMNS.stream().map(Column::header).toArray(String[]::new));
        rows.forEach(row -> cells.add(COLUMNS.stream().map(c -> c.value().apply(row)).toArray(String[]::new)));
        int[] widths = new int[COLUMNS.size()];
        cells.forEach(line -> {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            out.append("|");
            for (int i = 0; i < line.length; i++) {
                out.append(' ').append(i == 0 ? pad(line[i], widths[i], false) : pad(line[i], widths[i], true))
                        .append(" |");
            }
            out.append('\n');
            if (line == cells.get(0)) {
                out.append("|");
                for (int width : widths) {
                    out.append("-".repeat(width + 2)).append("|");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    public static String csv(List<PolicyRow> rows) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS.stream().map(Column::header).toList()))
                .append(",optimum\n");
        for (PolicyRow row : rows) {
            out.append(String.join(",", COLUMNS.stream().map(c -> quoted(c.value().apply(row))).toList()))
                    .append(',').append((long) row.optimum()).append('\n');
        }
        return out.toString();
    }

    /** Declines by reason of one policy, for the lines under the table. */
    public static String declines(Measures measures) {
        return measures.declinedByReason().toString();
    }

    private static String quoted(String value) {
        return value.contains(",") ? "\"" + value + "\"" : value;
    }

    private static String pad(String value, int width, boolean right) {
        String spaces = " ".repeat(width - value.length());
        return right ? spaces + value : value + spaces;
    }

    private static String percent(Double share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String number(Double value, int decimals) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
