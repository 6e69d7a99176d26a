package nl.adempauze.platform.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/**
 * Several instances of one service, as a deployment runs them: each its own Spring context (own port, own scheduler,
 * own Kafka consumers in the service's groups), all against one database of theirs and the test JVM's one broker.
 * Started at the same moment, so they race as instances starting together do. Closed by {@link #close}.
 * <p>
 * A test class that uses them declares {@code @SpringJUnitConfig(ServiceInstances.OthersPaused.class)}: the cached
 * contexts of the test classes before it are then paused, so their consumers, members of the same groups, take no
 * share of the partitions (and their events into another database) while it runs.
 */
public final class ServiceInstances implements AutoCloseable {

    /** An empty test context: switching to it pauses the other cached ones. */
    @Configuration(proxyBeanMethods = false)
    public static class OthersPaused {
    }

    private final Class<?> application;
    private final Map<String, Object> settings;
    private final String database;
    private final List<ConfigurableApplicationContext> contexts;

    private ServiceInstances(Class<?> application, Map<String, Object> settings, String database,
                             List<ConfigurableApplicationContext> contexts) {
        this.application = application;
        this.settings = settings;
        this.database = database;
        this.contexts = new ArrayList<>(contexts);
    }

    /**
     * Starts {@code count} instances of the service at once on a fresh database.
     *
     * @param service    its {@code spring.application.name} and config file name
     * @param properties settings for every instance, e.g. {@code adempauze.seed.file}
     */
    public static ServiceInstances start(Class<?> application, String service, int count,
                                         Map<String, Object> properties) {
        RealInfrastructure infrastructure = RealInfrastructure.get();
        String database = infrastructure.newDatabase(service);
        Map<String, Object> settings = new HashMap<>(RealInfrastructureInitializer.properties(infrastructure, database));
        // read before any initializer runs: the service's config file (main and test) by its name
        settings.put("spring.config.name", service);
        settings.put("server.port", "0");
        settings.putAll(properties);
        List<CompletableFuture<ConfigurableApplicationContext>> starting = IntStream.range(0, count)
                .mapToObj(instance -> CompletableFuture.supplyAsync(() -> start(application, settings)))
                .toList();
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<ConfigurableApplicationContext> instance : starting) {
            try {
                started.add(instance.join());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        ServiceInstances instances = new ServiceInstances(application, settings, database, started);
        if (failure != null) {
            instances.close();
            throw new IllegalStateException("Not every instance of " + service + " started", failure);
        }
        return instances;
    }

    private static ConfigurableApplicationContext start(Class<?> application, Map<String, Object> settings) {
        return new SpringApplicationBuilder(application)
                .properties(Map.of("spring.config.name", settings.get("spring.config.name")))
                .initializers(context -> {
                    context.getEnvironment().getPropertySources()
                            .addFirst(new MapPropertySource("serviceInstances", settings));
                    context.getBeanFactory().registerSingleton("testTokenDecoder", TestTokens.decoder());
                })
                .run();
    }

    /** One more instance on the same database, as a scale-out or a replacement does; the last of {@link #all}. */
    public ConfigurableApplicationContext startAnother() {
        ConfigurableApplicationContext another = start(application, settings);
        contexts.add(another);
        return another;
    }

    /** The port the instance serves HTTP on. */
    public int port(int instance) {
        return Integer.parseInt(get(instance).getEnvironment().getRequiredProperty("local.server.port"));
    }

    public ConfigurableApplicationContext get(int instance) {
        return contexts.get(instance);
    }

    public List<ConfigurableApplicationContext> all() {
        return contexts;
    }

    /** The database the instances share. */
    public String database() {
        return database;
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
