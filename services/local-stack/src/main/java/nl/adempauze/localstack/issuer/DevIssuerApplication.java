package nl.adempauze.localstack.issuer;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.adempauze.platform.security.PlatformSecurityAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The local stack's development issuer: signs OAuth2 bearer tokens for the demo users in
 * {@code seeds/demo-users.json}, which every service trusts in the {@code local} profile. It hands a token to anyone
 * who knows a demo user's name, so it refuses to start unless the {@code local} profile is active.
 * <p>
 * Its own small Spring context (web server, WebFlux and JSON only: none of the services' database, Kafka or
 * security machinery that share its classpath), on port 8090 ({@code DEV_ISSUER_PORT} or {@code server.port}).
 * Settings: {@code adempauze.dev-issuer.users} (where the demo users are; default the clone's
 * {@code seeds/demo-users.json}, else the packaged copy) and {@code adempauze.dev-issuer.token-lifetime} (8 hours).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, JacksonAutoConfiguration.class,
        ErrorWebFluxAutoConfiguration.class})
@Import(IssuerEndpoints.class)
public class DevIssuerApplication {

    private static final Logger LOG = LoggerFactory.getLogger(DevIssuerApplication.class);

    /** Checked before anything else of the issuer is made: no {@code local} profile, no issuer. */
    public DevIssuerApplication(Environment environment) {
        if (!environment.matchesProfiles(PlatformSecurityAutoConfiguration.LOCAL_PROFILE)) {
            throw new IllegalStateException("The development issuer signs a token for anyone who asks: it runs only "
                    + "in the '" + PlatformSecurityAutoConfiguration.LOCAL_PROFILE + "' profile (the local stack). "
                    + "Start it with --spring.profiles.active=local or SPRING_PROFILES_ACTIVE=local.");
        }
    }

    public static void main(String[] args) {
        run(args);
    }

    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(DevIssuerApplication.class);
        application.setWebApplicationType(WebApplicationType.REACTIVE);
        // its own config file name: it runs in one JVM with the three services
        application.setDefaultProperties(Map.of("spring.config.name", "dev-issuer"));
        return application.run(args);
    }

    /**
     * Event loops of its own: the issuer runs in one JVM with the front door and the services, and closing it (or a
     * refused start) must not shut down the global Reactor Netty resources they share.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }

    @Bean
    DemoUsers demoUsers(@Value("${adempauze.dev-issuer.users:}") String location) {
        DemoUsers users = DemoUsers.read(location);
        LOG.info("Development issuer: {} demo users from {} (secret '{}' for all; tokens for the local profile only)",
                users.all().size(), users.source(), DemoUsers.SECRET);
        return users;
    }

    @Bean
    TokenSigner tokenSigner(@Value("${adempauze.dev-issuer.token-lifetime:PT8H}") Duration lifetime) {
        return new TokenSigner(lifetime, Clock.systemUTC());
    }
}
