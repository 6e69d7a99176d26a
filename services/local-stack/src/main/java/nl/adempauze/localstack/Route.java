package nl.adempauze.localstack;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** One entry of the front door's routing table: requests whose path matches go to {@code target}. */
public record Route(PathPattern pattern, String target) {

    public static Route of(String pattern, String target) {
        return new Route(PathPatternParser.defaultInstance.parse(pattern), target);
    }

    public boolean matches(String path) {
        return pattern.matches(PathContainer.parsePath(path));
    }
}
