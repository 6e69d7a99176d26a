package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.adempauze.localstack.issuer.DevIssuerApplication;
import nl.adempauze.notification.NotificationApplication;
import nl.adempauze.platform.PlatformDefaults;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The development issuer hands a token to anyone who knows a demo user's name: it and the services' trust in it exist
 * only in the {@code local} profile. Without that profile the issuer does not start, and neither does a service
 * told to trust it. (A refused start closes what its context made: the issuer has event loops of its own, so that
 * happens here in the test JVM without touching the end-to-end stack.)
 */
class LocalProfileOnlyTest {

    @Test
    void theIssuerRefusesToStartWithoutTheLocalProfile() {
        assertRefused(() -> DevIssuerApplication.run("--server.port=0",
                "--adempauze.dev-issuer.users=" + E2eStack.demoUsersFile()))
                .hasMessageContaining("runs only in the 'local' profile");
        assertRefused(() -> DevIssuerApplication.run("--server.port=0", "--spring.profiles.active=production",
                "--adempauze.dev-issuer.users=" + E2eStack.demoUsersFile()))
                .hasMessageContaining("runs only in the 'local' profile");
    }

    /**
     * In a process of its own, as a service is run: a refused start in this JVM would, on its way down, also close the
     * Reactor Netty resources the end-to-end stack's servers share.
     */
    @Test
    void aServiceToldToTrustTheIssuerRefusesToStartWithoutTheLocalProfile() throws Exception {
        RealInfrastructure infrastructure = RealInfrastructure.get();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NotificationApplication.class.getName(),
                "--server.port=0",
                "--adempauze.security.dev-issuer.enabled=true",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:8090/auth/jwks",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + PlatformDefaults.DEV_ISSUER));
        // a real broker and database, so the only thing wrong is the missing profile
        RealInfrastructureInitializer.properties(infrastructure, infrastructure.newDatabase("notification"))
                .forEach((key, value) -> command.add("--" + key + "=" + value));
        Path output = Files.createTempFile("notification-start", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the service stops by itself").isTrue();
            String log = Files.readString(output);
            assertThat(process.exitValue()).as("exit code; output:%n%s", log).isNotZero();
            assertThat(log).contains(
                    "adempauze.security.dev-issuer.enabled is set but the 'local' profile is not active");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    /** The start fails; the assertion is about the root cause. A context that did start is closed again. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Start start) {
        Throwable thrown = catchThrowable(() -> {
            ConfigurableApplicationContext context = start.run();
            context.close();
        });
        assertThat(thrown).as("the start is refused").isNotNull();
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return assertThat(root).isInstanceOf(IllegalStateException.class);
    }

    private interface Start {
        ConfigurableApplicationContext run();
    }
}
