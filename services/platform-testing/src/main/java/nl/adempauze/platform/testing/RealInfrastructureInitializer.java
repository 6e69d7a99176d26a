package nl.adempauze.platform.testing;

import java.util.Map;
import nl.adempauze.embedded.PostgresServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's Spring context at the real test broker and at a fresh database of its own, and makes it
 * trust {@link TestTokens} as its token issuer. Use with
 * {@code @ContextConfiguration(initializers = RealInfrastructureInitializer.class)}.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        RealInfrastructure infrastructure = RealInfrastructure.get();
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        String database = infrastructure.newDatabase(service);
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("realInfrastructure", properties(infrastructure, database)));
        // the service under test trusts TestTokens' key as its token issuer
        context.getBeanFactory().registerSingleton("testTokenDecoder", TestTokens.decoder());
    }

    public static Map<String, Object> properties(RealInfrastructure infrastructure, String database) {
        PostgresServer postgres = infrastructure.postgres();
        return Map.of(
                "spring.r2dbc.url", postgres.r2dbcUrl(database),
                "spring.r2dbc.username", postgres.user(),
                "spring.r2dbc.password", postgres.password(),
                "spring.flyway.url", postgres.jdbcUrl(database),
                "spring.flyway.user", postgres.user(),
                "spring.flyway.password", postgres.password(),
                "spring.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
    }
}
