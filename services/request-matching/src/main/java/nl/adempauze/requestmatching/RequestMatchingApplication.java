package nl.adempauze.requestmatching;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Owns requests, offers and matches: ranks candidates, runs the offer cycle and escalates. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RequestMatchingApplication {

    public static void main(String[] args) {
        run(args);
    }

    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(RequestMatchingApplication.class);
        // Config file named after the service: the local stack runs all three services in one JVM.
        application.setDefaultProperties(Map.of("spring.config.name", "request-matching"));
        return application.run(args);
    }
}
