package nl.adempauze.localstack;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** One entry of the front door's routing table: requests whose path matches go to {@code upstream}. */
public record Route(PathPattern pattern, Upstream upstream) {

    public static Route of(String pattern, Upstream upstream) {
        return new Route(PathPatternParser.defaultInstance.parse(pattern), upstream);
    }

    public boolean matches(String path) {
        return pattern.matches(PathContainer.parsePath(path));
    }
}
