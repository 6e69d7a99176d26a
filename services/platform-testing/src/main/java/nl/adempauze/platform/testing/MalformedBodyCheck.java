package nl.adempauze.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sends every {@link MalformedBodies} variant of a valid body (and, from a seed, random corruptions of it) to one
 * write endpoint, and checks the property that matters to a caller and to the data: never a 5xx; a refusal is an
 * RFC 9457 problem; and a refusal changes nothing in the service's database ({@link TableContents}). Variants that
 * happen to be valid (2xx) are allowed. Fails with the list of every variant that broke the property.
 */
public final class MalformedBodyCheck {

    private MalformedBodyCheck() {
    }

    /** Returns how many variants were refused (4xx), for the test's own sanity check. */
    public static int check(WebTestClient web, DatabaseClient db, HttpMethod method, String uri,
                            Consumer<HttpHeaders> signIn, String validBody, int randomVariants) {
        long seed = Long.getLong("adempauze.property.seed", new Random().nextLong());
        List<MalformedBodies.Variant> variants = new ArrayList<>(MalformedBodies.of(validBody));
        variants.addAll(MalformedBodies.random(validBody, new Random(seed), randomVariants));
        List<String> refused = sendAll(web, db, method, uri, signIn, variants,
                "malformed bodies (seed " + seed + ", repeat with -Dadempauze.property.seed=" + seed + ")");
        if (refused.isEmpty()) {
            throw new AssertionError(method + " " + uri + " refused none of " + variants.size() + " malformed bodies");
        }
        return refused.size();
    }

    /**
     * Sends each variant and checks the property (never a 5xx; a refusal is a problem and changes no row); returns
     * the descriptions of the variants that were refused (4xx), or fails listing every variant that broke it.
     */
    public static List<String> sendAll(WebTestClient web, DatabaseClient db, HttpMethod method, String uri,
                                       Consumer<HttpHeaders> signIn, List<MalformedBodies.Variant> variants,
                                       String what) {
        List<String> broken = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        // a refusal leaves the rows as they were, so what was read after one variant is what the next starts from
        Map<String, String> before = TableContents.of(db);
        for (MalformedBodies.Variant variant : variants) {
            EntityExchangeResult<byte[]> result = web.method(method).uri(uri).headers(signIn)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(variant.body())
                    .exchange().expectBody().returnResult();
            int status = result.getStatus().value();
            if (status >= 500 || status < 400) {
                if (status >= 500) {
                    broken.add(status + " for " + variant);
                }
                before = TableContents.of(db);
                continue;
            }
            refused.add(variant.description());
            MediaType type = result.getResponseHeaders().getContentType();
            if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                broken.add(status + " without a problem body (" + type + ") for " + variant);
            }
            Map<String, String> after = TableContents.of(db);
            if (!after.equals(before)) {
                broken.add(status + " but rows changed " + before + " -> " + after + " for " + variant);
            }
            before = after;
        }
        if (!broken.isEmpty()) {
            throw new AssertionError(method + " " + uri + " broke with " + broken.size() + " of " + variants.size()
                    + " " + what + ":\n  " + String.join("\n  ", broken));
        }
        return refused;
    }
}
