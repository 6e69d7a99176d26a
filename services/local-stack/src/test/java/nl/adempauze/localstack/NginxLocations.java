package nl.adempauze.localstack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code location} blocks of an nginx server and the one nginx picks for a path, by nginx's own rules: an exact
 * ({@code =}) match; else the longest prefix, final if it is {@code ^~}; else the first regular expression
 * ({@code ~}) in file order that matches; else that longest prefix. Enough of nginx to check a routing table.
 */
final class NginxLocations {

    enum Kind { EXACT, PREFIX, PRIORITY_PREFIX, REGEX }

    /** One location: how it matches, what, and the upstream it passes to ({@code proxy_pass http://name}), if any. */
    record Location(Kind kind, String path, Optional<String> upstream) {

        boolean matches(String uri) {
            return switch (kind) {
                case EXACT -> uri.equals(path);
                case PREFIX, PRIORITY_PREFIX -> uri.startsWith(path);
                case REGEX -> Pattern.compile(path).matcher(uri).find();
            };
        }
    }

    private static final Pattern LOCATION = Pattern.compile("location\\s+(=|\\^~|~)?\\s*(\\S+)\\s*\\{");
    private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+http://([A-Za-z0-9_]+)\\s*;");

    private final List<Location> locations;

    private NginxLocations(List<Location> locations) {
        this.locations = List.copyOf(locations);
    }

    static NginxLocations parse(String config) {
        String text = config.replaceAll("(?m)#.*$", "");
        List<Location> locations = new ArrayList<>();
        Matcher location = LOCATION.matcher(text);
        while (location.find()) {
            if (location.group(2).startsWith("@")) {
                continue; // a named location: only error_page goes there, never a path
            }
            String block = block(text, location.end());
            Matcher proxy = PROXY_PASS.matcher(block);
            Kind kind = switch (location.group(1) == null ? "" : location.group(1)) {
                case "=" -> Kind.EXACT;
                case "^~" -> Kind.PRIORITY_PREFIX;
                case "~" -> Kind.REGEX;
                default -> Kind.PREFIX;
            };
            locations.add(new Location(kind, location.group(2),
                    proxy.find() ? Optional.of(proxy.group(1)) : Optional.empty()));
        }
        return new NginxLocations(locations);
    }

    /** The body of the block that starts at {@code start} (just after its opening brace), nested blocks included. */
    private static String block(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        throw new IllegalArgumentException("Unclosed block at " + start);
    }

    List<Location> all() {
        return locations;
    }

    /** The location nginx serves {@code uri} from; empty when none matches. */
    Optional<Location> select(String uri) {
        Optional<Location> exact = locations.stream()
                .filter(location -> location.kind() == Kind.EXACT && location.matches(uri)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Optional<Location> longestPrefix = locations.stream()
                .filter(location -> (location.kind() == Kind.PREFIX || location.kind() == Kind.PRIORITY_PREFIX)
                        && location.matches(uri))
                .max(Comparator.comparingInt(location -> location.path().length()));
        if (longestPrefix.isPresent() && longestPrefix.get().kind() == Kind.PRIORITY_PREFIX) {
            return longestPrefix;
        }
        Optional<Location> regex = locations.stream()
                .filter(location -> location.kind() == Kind.REGEX && location.matches(uri)).findFirst();
        return regex.isPresent() ? regex : longestPrefix;
    }

    /** The upstream nginx passes {@code uri} to; empty when it serves it itself (files, a redirect) or not at all. */
    Optional<String> upstreamOf(String uri) {
        return select(uri).flatMap(Location::upstream);
    }
}
