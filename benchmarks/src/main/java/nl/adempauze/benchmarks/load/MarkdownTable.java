package nl.adempauze.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table built row by row, and the number formats the report uses. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<String> rows = new ArrayList<>();

    public MarkdownTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public MarkdownTable(String... header) {
        this(List.of(header));
    }

    public MarkdownTable row(List<?> cells) {
        rows.add("| " + String.join(" | ", cells.stream().map(cell -> cell == null ? "" : cell.toString()
                .replace("|", "\\|")).toList()) + " |\n");
        return this;
    }

    public MarkdownTable row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    public String render() {
        return "| " + String.join(" | ", header) + " |\n|" + "---|".repeat(header.size()) + "\n"
                + String.join("", rows) + "\n";
    }

    /** Milliseconds: two decimals below 10, one below 100, none above; "n/a" for NaN. */
    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f" : millis >= 10 ? "%.1f" : "%.2f", millis);
    }

    /** A rate or count with thousands separators and no decimals. */
    public static String whole(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A share as "42%". */
    public static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", share);
    }

    /** Bytes as MiB. */
    public static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024);
    }
}
