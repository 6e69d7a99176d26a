package nl.adempauze.notification;

import java.time.Duration;
import nl.adempauze.notification.domain.BackoffSchedule;
import nl.adempauze.notification.domain.HostNames;
import nl.adempauze.notification.domain.WebhookTargets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings ({@code adempauze.webhooks.*}).
 *
 * @param maxAttempts    attempts before a delivery is FAILED for good
 * @param initialBackoff wait after the first failed attempt; doubles per attempt
 * @param maxBackoff     cap on the wait between attempts
 * @param timeout        how long a receiver may take to answer
 * @param pollInterval   how often due retries are looked for
 * @param batchSize      deliveries claimed per poll
 * @param lease          how long a claimed delivery is reserved for the instance sending it; longer than timeout
 * @param allowPrivateNetworks whether webhooks may target loopback and private addresses (local stack, tests);
 *                       off in production, so a subscription cannot make this service call internal systems
 */
@ConfigurationProperties("adempauze.webhooks")
public record WebhookProperties(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("false") boolean allowPrivateNetworks) {

    /** Where webhooks may go, with host names resolved by {@code names}. */
    public WebhookTargets targets(HostNames names) {
        return new WebhookTargets(allowPrivateNetworks, names);
    }

    public BackoffSchedule backoffSchedule() {
        return new BackoffSchedule(initialBackoff, maxBackoff, maxAttempts);
    }
}
