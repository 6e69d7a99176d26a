package nl.adempauze.bedavailability;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Owns regions, locations, capacity and holds: the only service that writes capacity. */
@SpringBootApplication
public class BedAvailabilityApplication {

    public static void main(String[] args) {
        run(args);
    }

    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(BedAvailabilityApplication.class);
        // Config file named after the service: the local stack runs all three services in one JVM.
        application.setDefaultProperties(Map.of("spring.config.name", "bed-availability"));
        return application.run(args);
    }
}
