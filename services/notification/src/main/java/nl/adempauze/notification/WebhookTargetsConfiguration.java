package nl.adempauze.notification;

import nl.adempauze.notification.domain.HostNames;
import nl.adempauze.notification.domain.WebhookTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where webhooks may go, checked against the system's resolver; tests build their own with another one. */
@Configuration(proxyBeanMethods = false)
public class WebhookTargetsConfiguration {

    @Bean
    HostNames hostNames() {
        return HostNames.SYSTEM;
    }

    @Bean
    WebhookTargets webhookTargets(WebhookProperties properties, HostNames names) {
        return properties.targets(names);
    }
}
