package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.adempauze.requestmatching.PrivacySettings;
import nl.adempauze.requestmatching.persistence.PatientDetailsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes identifying details (the patient's and the call-back contact) {@code adempauze.privacy.purge-after} after
 * a request was closed by cancelling or discharge. The request, its events and its audit trail remain, pseudonymous.
 * One instance purges per interval (a scheduler lock), and each request is claimed by a conditional update, so a
 * request purged already (by another instance, or a run that went on) is not purged or audited again.
 */
@Component
public class PatientDetailsPurge {

    private static final Logger log = LoggerFactory.getLogger(PatientDetailsPurge.class);
    private static final int BATCH = 500;
    private static final Duration RUN_AT_MOST = Duration.ofMinutes(10);

    private final PatientDetailsRepository details;
    private final PatientRecords records;
    private final PrivacySettings settings;
    private final Clock clock;

    public PatientDetailsPurge(PatientDetailsRepository details, PatientRecords records, PrivacySettings settings,
                               Clock clock) {
        this.details = details;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${adempauze.privacy.purge-interval}", initialDelayString = "PT10S")
    @SchedulerLock(name = "patient-details-purge", lockAtMostFor = "#{T(nl.adempauze.platform.scheduling.LockTimes)"
            + ".atMost('${adempauze.privacy.purge-interval}', 'PT15M')}",
            lockAtLeastFor = "${adempauze.privacy.purge-interval}")
    public void purgeOnSchedule() {
        purgeDue().timeout(RUN_AT_MOST).doOnNext(count -> {
            if (count > 0) {
                log.info("Purged identifying details of {} closed request(s)", count);
            }
        }).onErrorResume(e -> {
            log.warn("Purging identifying details failed; the next run retries: {}", e.toString());
            return Mono.empty();
        }).block();
    }

    /** Purges everything due now; returns how many requests were purged by this call. */
    public Mono<Long> purgeDue() {
        Instant closedBefore = clock.instant().minus(settings.purgeAfter());
        String why = "closed for more than " + settings.purgeAfter();
        return details.closedBefore(closedBefore, BATCH)
                .concatMap(requestId -> records.purge(requestId, why))
                .filter(purged -> purged)
                .count();
    }
}
