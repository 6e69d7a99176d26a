package nl.adempauze.notification;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tells people what happens: a live Server-Sent-Events stream for dashboards and signed, retried webhooks for
 * the referrers' and providers' systems. Its config file is {@code notification.yml}, not application.yml,
 * because the local-stack launcher runs all services in one JVM.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

    public static void main(String[] args) {
        run(args);
    }

    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(NotificationApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "notification"));
        return application.run(args);
    }
}
