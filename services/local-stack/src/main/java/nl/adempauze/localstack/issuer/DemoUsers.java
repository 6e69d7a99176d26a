package nl.adempauze.localstack.issuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo users the development issuer signs tokens for, read from {@code seeds/demo-users.json}. They all share
 * one well-known secret: this is for trying the system on a laptop, never for anything real.
 */
public final class DemoUsers {

    /** The client secret of every demo user. */
    public static final String SECRET = "demo";

    record File(String about, List<DemoUser> users) {
    }

    private final Map<String, DemoUser> byId = new LinkedHashMap<>();
    private final String source;

    private DemoUsers(List<DemoUser> users, String source) {
        this.source = source;
        for (DemoUser user : users) {
            if (byId.putIfAbsent(user.id(), user) != null) {
                throw new IllegalArgumentException("Demo user '" + user.id() + "' appears twice in " + source);
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("No demo users in " + source);
        }
    }

    /**
     * Where the demo users are when nothing is configured: the repository's {@code seeds/demo-users.json} when run
     * from a clone, else the copy packaged in the build.
     */
    public static String defaultLocation() {
        Path inClone = Path.of("seeds", "demo-users.json");
        return Files.exists(inClone) ? inClone.toAbsolutePath().toUri().toString() : "classpath:seeds/demo-users.json";
    }

    /** Reads the users from a Spring resource location ({@code classpath:...}, {@code file:...} or a plain path). */
    public static DemoUsers read(String location) {
        String resolved = location == null || location.isBlank() ? defaultLocation() : location;
        Resource resource = new DefaultResourceLoader().getResource(resolved);
        if (!resource.exists() && !resolved.contains(":")) {
            resource = new DefaultResourceLoader().getResource(Path.of(resolved).toAbsolutePath().toUri().toString());
        }
        if (!resource.exists()) {
            throw new IllegalStateException("Demo users file not found: " + resolved);
        }
        try (InputStream in = resource.getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resolved);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo users from " + resolved, e);
        }
    }

    static DemoUsers parse(String json, String source) {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try {
            File file = mapper.readValue(json, File.class);
            return new DemoUsers(file.users() == null ? List.of() : file.users(), source);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Demo users file " + source + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The user with this id and the demo secret; empty for an unknown user or a wrong secret. */
    public Optional<DemoUser> authenticate(String id, String secret) {
        DemoUser user = id == null ? null : byId.get(id);
        boolean secretMatches = secret != null && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), SECRET.getBytes(StandardCharsets.UTF_8));
        return user != null && secretMatches ? Optional.of(user) : Optional.empty();
    }

    public Optional<DemoUser> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<DemoUser> all() {
        return List.copyOf(byId.values());
    }

    public String source() {
        return source;
    }
}
