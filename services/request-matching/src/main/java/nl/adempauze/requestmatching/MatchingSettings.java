package nl.adempauze.requestmatching;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tunables of the offer cycle, the waiting list and the calendar clocks (see request-matching.yml). */
@ConfigurationProperties("adempauze.matching")
public record MatchingSettings(Duration holdAnswerTimeout, Duration deadlineAtRiskMargin,
                               Duration defaultAdmissionDelay, Duration acceptanceWindow, Set<String> knownNeeds,
                               int defaultCrisisNights, Duration plannedDeadlineMargin, Duration reminderLead,
                               Duration overrunMargin, Duration priorityBoost, int waitingListScan) {
}
