package nl.adempauze.bedavailability.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.adempauze.bedavailability.domain.CapacityFeedLine;
import nl.adempauze.platform.domain.DomainException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A capacity feed as a CSV file, as a spreadsheet saves it: a header {@code locationId,careType,freeBeds} (any order,
 * any case), then one figure per line. Comma or semicolon separated (a Dutch spreadsheet writes semicolons). Each
 * line is named {@code lines[n]} by its line number in the file, so a refusal points at the line to correct.
 */
final class CapacityCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final List<String> COLUMNS = List.of("locationId", "careType", "freeBeds");
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private CapacityCsv() {
    }

    static List<CapacityFeedLine> parse(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalidField("lines", "The file is empty: it needs a header "
                    + String.join(",", COLUMNS) + " and at least one line");
        }
        String header = text.lines().findFirst().orElse("");
        char separator = header.contains(";") && !header.contains(",") ? ';' : ',';
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        List<CapacityFeedLine> lines = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
                .readValues(text)) {
            checkHeader(header, separator);
            while (rows.hasNextValue()) {
                // read where the row starts: once it is read, the parser stands at the next line
                int lineNumber = rows.currentLocation().getLineNr();
                lines.add(line(lineNumber, byColumn(rows.nextValue())));
            }
        } catch (JacksonException e) {
            throw DomainException.invalidField("lines", "The file is not readable as CSV near line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        }
        return lines;
    }

    private static void checkHeader(String header, char separator) {
        Set<String> given = java.util.Arrays.stream(header.split(String.valueOf(separator)))
                .map(name -> name.strip().replace("\"", "").toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> missing = COLUMNS.stream().filter(column -> !given.contains(column.toLowerCase(Locale.ROOT)))
                .toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalidField("lines[1]", "The header (line 1) lacks the column(s) "
                    + String.join(", ", missing) + ": it must name " + String.join(",", COLUMNS));
        }
    }

    private static Map<String, String> byColumn(Map<String, String> row) {
        return row.entrySet().stream().filter(entry -> entry.getKey() != null).collect(Collectors.toMap(
                entry -> entry.getKey().strip().toLowerCase(Locale.ROOT),
                entry -> entry.getValue() == null ? "" : entry.getValue().strip(), (a, b) -> a));
    }

    private static CapacityFeedLine line(int number, Map<String, String> row) {
        return new CapacityFeedLine("lines[" + number + "]", blankToNull(row.get("locationid")),
                blankToNull(row.get("caretype")), blankToNull(row.get("freebeds")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
