package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The mail server is down for 15 seconds while GP posts keep sending crisis requests, some of which no bed fits, so
 * they escalate and page the on-call coordinator by e-mail and SMS. Once the mail server is back every page's e-mail
 * is delivered, each exactly once (the SMS too, which never waited for the mail), and the crisis flow around it
 * loses nothing and does nothing twice.
 */
@Tag("fault")
class MailOutageFaultTest {

    /** Long enough for several attempts of each e-mail (0.5 s doubling to 5 s apart in the fault stack). */
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    /** Every bed of this care type is taken in the test, so each request for it escalates and pages. */
    private static final String NO_BED_CARE_TYPE = "ELV_PALLIATIEF";
    private static final String PRIMARY_EMAIL = "dienst-storing@coordinatiepunt-drenthe.example";
    private static final String PRIMARY_PHONE = "+31611223344";

    private final FaultStack stack = FaultStack.get();

    @Test
    void everyPageMadeWhileTheMailServerIsDownIsDeliveredOnceItIsBackAndNoneTwice() {
        String shiftId = planShiftFromNow();
        Map<String, Integer> freeBefore = takeEveryBed();
        try (CrisisLoad load = new CrisisLoad(stack, "mail server stopped " + OUTAGE.toSeconds() + " s", 1000)
                .escalatingEvery(5, NO_BED_CARE_TYPE)) {
            load.start(5);
            load.keepSendingFor(Duration.ofSeconds(3));
            stack.mail.stop();
            Instant down = Instant.now();
            load.keepSendingFor(OUTAGE);
            stack.mail.startAgain();
            Instant up = Instant.now();
            load.keepSendingFor(Duration.ofSeconds(3));
            load.stop();

            CrisisLoad.Counts counts = load.awaitSettled(Duration.ofMinutes(2));
            counts.assertNothingLostNothingTwice((int) (5 * OUTAGE.toSeconds()));
            List<String> escalating = load.escalating();

            // every escalated request paged the primary, and every message of every page reached its channel
            List<Map<?, ?>> pages = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> pagesFor(escalating), found -> pagedEach(escalating, found)
                            && found.stream().allMatch(MailOutageFaultTest::everyMessageDelivered));
            List<Map<?, ?>> messages = pages.stream().flatMap(page -> ((List<?>) page.get("attempts")).stream())
                    .<Map<?, ?>>map(attempt -> (Map<?, ?>) attempt).toList();
            List<Map<?, ?>> mails = messages.stream().filter(message -> "EMAIL".equals(message.get("channel")))
                    .toList();
            List<Map<?, ?>> texts = messages.stream().filter(message -> "SMS".equals(message.get("channel")))
                    .toList();
            Map<String, Long> mailsReceived = stack.mail.received().stream().filter(mail -> mail.reference() != null)
                    .collect(Collectors.groupingBy(RestartableMailServer.Mail::reference, Collectors.counting()));
            long retried = mails.stream().filter(mail -> ((Number) mail.get("attempts")).intValue() > 1).count();
            System.out.printf("FAULT mail server stopped " + OUTAGE.toSeconds() + " s (%s to %s): %d escalated requests, %d pages, %d e-mails"
                            + " (%d needed more than one attempt), %d SMS; e-mails received for them %d%n", down, up,
                    escalating.size(), pages.size(), mails.size(), retried, texts.size(), mails.stream()
                            .mapToLong(mail -> mailsReceived.getOrDefault((String) mail.get("id"), 0L)).sum());

            // one in five of 5 a second: at least one for each second the mail server was down
            assertThat(escalating).as("requests no bed fits, one in five").hasSizeGreaterThanOrEqualTo(
                    (int) OUTAGE.toSeconds());
            // the outage hit pages: their e-mails were refused and tried again, and arrived once the server was back
            assertThat(retried).as("e-mails that needed another attempt").isPositive();
            assertThat(mails).as("e-mails, one per page").hasSameSizeAs(pages).allSatisfy(mail -> assertThat(
                    mailsReceived.getOrDefault((String) mail.get("id"), 0L)).as("e-mail " + mail.get("id")
                    + " received").isEqualTo(1L));
            assertThat(texts).as("SMS, one per page").hasSameSizeAs(pages).allSatisfy(text -> assertThat(
                    smsReceived((String) text.get("id"))).as("SMS " + text.get("id") + " received").isEqualTo(1L));
        } finally {
            freeBefore.forEach(this::publish);
            stack.notification(E2eStack.COORDINATOR).delete().uri("/api/v1/regions/drenthe/shifts/{id}", shiftId)
                    .retrieve().toBodilessEntity().block();
        }
    }

    /** A shift from now on with a primary who has both channels, planned through the rota API. */
    private String planShiftFromNow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Map<?, ?> shift = stack.notification(E2eStack.COORDINATOR).post().uri("/api/v1/regions/drenthe/shifts")
                .bodyValue(Map.of("startsAt", now.minus(Duration.ofMinutes(5)).toString(),
                        "endsAt", now.plus(Duration.ofHours(2)).toString(),
                        "primary", Map.of("userId", "coordinator-drenthe", "email", PRIMARY_EMAIL,
                                "phone", PRIMARY_PHONE)))
                .retrieve().bodyToMono(Map.class).block();
        return (String) shift.get("id");
    }

    /** Publishes every location's figure for the care type as what is held there; answers the figures before. */
    private Map<String, Integer> takeEveryBed() {
        Map<String, Integer> before = new HashMap<>();
        Map<?, ?> view = stack.bedAvailability(E2eStack.COORDINATOR).get()
                .uri("/api/v1/regions/drenthe/capacity?careType={type}", NO_BED_CARE_TYPE).retrieve()
                .bodyToMono(Map.class).block();
        for (Object entry : (List<?>) view.get("locations")) {
            Map<?, ?> location = (Map<?, ?>) entry;
            for (Object figure : (List<?>) location.get("careTypes")) {
                Map<?, ?> careType = (Map<?, ?>) figure;
                if (NO_BED_CARE_TYPE.equals(careType.get("careType"))) {
                    String locationId = (String) location.get("locationId");
                    before.put(locationId, ((Number) careType.get("freeBeds")).intValue());
                    publish(locationId, ((Number) careType.get("heldBeds")).intValue());
                }
            }
        }
        assertThat(before).as("locations with " + NO_BED_CARE_TYPE).isNotEmpty();
        return before;
    }

    private void publish(String locationId, int freeBeds) {
        stack.bedAvailabilityAsProviderOf(locationId).put()
                .uri("/api/v1/locations/{id}/capacity/{type}", locationId, NO_BED_CARE_TYPE)
                .bodyValue(Map.of("freeBeds", freeBeds)).retrieve().toBodilessEntity().block();
    }

    private List<Map<?, ?>> pagesFor(List<String> requests) {
        Set<String> ours = Set.copyOf(requests);
        return stack.notification(E2eStack.COORDINATOR).get().uri("/api/v1/regions/drenthe/pages").retrieve()
                .bodyToFlux(Map.class).filter(page -> ours.contains((String) page.get("requestId")))
                .<Map<?, ?>>map(page -> page).collectList().block();
    }

    private static boolean pagedEach(List<String> requests, List<Map<?, ?>> pages) {
        return pages.stream().map(page -> page.get("requestId")).collect(Collectors.toSet()).containsAll(requests);
    }

    private static boolean everyMessageDelivered(Map<?, ?> page) {
        List<?> attempts = (List<?>) page.get("attempts");
        return !attempts.isEmpty() && attempts.stream().allMatch(attempt -> "DELIVERED".equals(
                ((Map<?, ?>) attempt).get("status")));
    }

    private long smsReceived(String messageId) {
        return stack.smsGateway.received().stream().filter(sms -> sms.body().contains(messageId))
                .count();
    }
}
