package nl.adempauze.platform.testing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * What tests check that a running service leaves out: every event a service writes is checked against its schema
 * before it is stored, so a record that would break the contract fails its test. Above the platform's defaults,
 * below anything a test sets itself; only on a test class path (this module never ships in a runnable jar).
 */
public class TestingDefaults implements EnvironmentPostProcessor {

    /** PlatformDefaults.CHECK_ENCODED_EVENTS (the platform depends on this module for its tests, not the reverse). */
    static final String CHECK_ENCODED_EVENTS = "adempauze.events.check-encoded";
    static final String SOURCE = "adempauzeTestingDefaults";
    private static final String PLATFORM_SOURCE = "adempauzePlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MapPropertySource testing = new MapPropertySource(SOURCE,
                Map.of(CHECK_ENCODED_EVENTS, "true"));
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(PLATFORM_SOURCE)) {
            sources.addBefore(PLATFORM_SOURCE, testing);
        } else {
            // the platform's defaults, added later, go last: below these
            sources.addLast(testing);
        }
    }
}
