package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What the compose files publish and trust (deploy/README.md): every published port on 127.0.0.1 only, in the
 * developer's file and in the production example; and the production example and its settings free of the
 * development issuer, the 'local' profile and the demo keys.
 */
class ComposeExposureTest {

    private static final String DEVELOPER = "docker-compose.yml";
    private static final String PRODUCTION = "deploy/docker-compose.production.example.yml";
    private static final String PRODUCTION_SETTINGS = "deploy/production.env.example";

    @Test
    void theDeveloperStackPublishesEveryPortOnLoopbackOnly() throws IOException {
        assertThat(publishedPorts(DEVELOPER)).isNotEmpty().allSatisfy(port ->
                assertThat(port).as("published on every interface").startsWith("127.0.0.1:"));
    }

    @Test
    void theProductionExamplePublishesOnLoopbackOnlyForTheReverseProxy() throws IOException {
        assertThat(publishedPorts(PRODUCTION)).isNotEmpty().allSatisfy(port ->
                assertThat(port).as("published on every interface").startsWith("127.0.0.1:"));
    }

    @Test
    void theProductionExampleRunsNoDevelopmentIssuerNoLocalProfileAndNoDemoKey() throws IOException {
        Map<String, Object> services = services(PRODUCTION);
        assertThat(services).containsOnlyKeys("bed-availability", "request-matching", "notification");
        String example = read(PRODUCTION) + "\n" + read(PRODUCTION_SETTINGS);
        assertThat(example.lines().filter(line -> !line.trim().startsWith("#")))
                .noneMatch(line -> line.contains("dev-issuer") || line.contains("DEV_ISSUER")
                        || line.contains("localhost:8080/auth") || line.contains("local-demo-key")
                        || line.contains("5c0744940b5c369b") || line.matches(".*=\\s*(demo|postgres|local)\\s*$"));
        assertThat(read(PRODUCTION_SETTINGS)).contains("SPRING_PROFILES_ACTIVE=production\n");
        // what an operator must provide: each named, none given a value here
        for (String setting : List.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", "ADEMPAUZE_PRIVACY_ENCRYPTION_KEY",
                "ADEMPAUZE_PRIVACY_ENCRYPTION_SALT", "PAGING_LINK_SECRET", "SMTP_HOST", "SMTP_PASSWORD",
                "SMS_GATEWAY_URL", "SMS_GATEWAY_API_KEY", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS")) {
            assertThat(read(PRODUCTION_SETTINGS)).as(setting).containsPattern("(?m)^" + setting + "=$");
        }
        assertThat(read(PRODUCTION_SETTINGS)).containsPattern("(?m)^ADEMPAUZE_SECURITY_AUDIENCE=\\S+$")
                .containsPattern("(?m)^ADEMPAUZE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=false$");
    }

    /** Every published port mapping of every service, as written ("host-address:host-port:container-port"). */
    @SuppressWarnings("unchecked")
    private static List<String> publishedPorts(String file) throws IOException {
        List<String> ports = new ArrayList<>();
        for (Object service : services(file).values()) {
            Object published = ((Map<String, Object>) service).get("ports");
            if (published != null) {
                for (Object port : (List<Object>) published) {
                    // the long form names host_ip itself
                    ports.add(port instanceof Map<?, ?> longForm
                            ? longForm.get("host_ip") + ":" + longForm.get("published") + ":" + longForm.get("target")
                            : String.valueOf(port));
                }
            }
        }
        return ports;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(String file) throws IOException {
        Map<String, Object> compose = new Yaml().load(read(file));
        return (Map<String, Object>) compose.get("services");
    }

    private static String read(String file) throws IOException {
        Path path = RepositoryFiles.find(file);
        return Files.readString(path);
    }
}
