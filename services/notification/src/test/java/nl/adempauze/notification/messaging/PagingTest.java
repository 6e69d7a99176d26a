package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adempauze.notification.api.PageResponse;
import nl.adempauze.notification.domain.AcknowledgementTimes;
import nl.adempauze.notification.domain.Channel;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.domain.PageAttempt;
import nl.adempauze.notification.domain.PageStatus;
import nl.adempauze.notification.domain.PageTier;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.PagingChannels;
import nl.adempauze.notification.support.Rotas;
import nl.adempauze.notification.support.Rotas.Person;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.platform.testing.AdjustableClock;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Escalations page the region's on-call coordinators through a real SMTP server and a real HTTP SMS gateway; the
 * clock is moved past the acknowledgement time (5 minutes by default) to walk the chain.
 */
class PagingTest extends NotificationIntegrationTest {

    private static final Duration PAST_ACKNOWLEDGE_TIME = Duration.ofMinutes(5).plusSeconds(10);
    private static final PagingChannels CHANNELS = PagingChannels.get();

    @Autowired
    private AdjustableClock clock;

    private String region;
    private String coordinator;
    private Person primary;
    private Person backup;
    private Person later;

    @BeforeEach
    void planRota() {
        region = Rotas.uniqueRegion();
        coordinator = TestTokens.coordinator(region);
        primary = Person.unique("primair");
        backup = Person.unique("achterwacht");
        later = Person.unique("avonddienst");
        Instant now = Instant.now();
        plan(Rotas.shift(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), primary, backup));
        plan(Rotas.shift(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(10)), later, null));
    }

    @AfterEach
    void putClockBack() {
        clock.reset();
    }

    @Test
    void anEscalationPagesThePrimaryByEmailAndSmsWithoutWhoThePatientIs() {
        String requestId = submitted();
        TestEvents.publish(TestEvents.requestEscalated(requestId, region));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(CHANNELS.mailTo(primary.email())).hasSize(1);
            assertThat(CHANNELS.smsTo(primary.e164())).hasSize(1);
        });
        PagingChannels.Mail mail = CHANNELS.mailTo(primary.email()).get(0);
        PagingChannels.Sms sms = CHANNELS.smsTo(primary.e164()).get(0);
        // only the request id, care type, municipality and reason, and two links: nothing else can be in them
        assertThat(sms.text()).matches("Adempauze oproep " + region + ": aanvraag " + requestId
                + " \\(CRISIS_STAY, Assen\\): geen passende plek\\. Bevestig: "
                + "http://door\\.test/api/v1/pages/ack\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(sms.authorization()).isEqualTo("Bearer test-sms-key");
        assertThat(mail.subject()).isEqualTo("Oproep " + region + ": aanvraag " + requestId
                + " (CRISIS_STAY, Assen): geen passende plek");
        assertThat(mail.body()).contains("Aanvraag: " + requestId, "Gemeente: Assen", "Zorgsoort: CRISIS_STAY",
                "Reden: geen passende plek", "http://localhost:8080/#/coordinator", "/api/v1/pages/ack?token=");
        assertThat(mail.body() + sms.text()).doesNotContain(TestEvents.REFERRER, "zilveren-kruis", "OXYGEN");
        assertThat(CHANNELS.mailTo(backup.email())).isEmpty();

        PageResponse page = awaitPage(requestId, PageStatus.PRIMARY_PAGED,
                attempts -> assertThat(attempts).hasSize(2).allSatisfy(attempt -> {
                    assertThat(attempt.tier()).isEqualTo(PageTier.PRIMARY);
                    assertThat(attempt.recipient()).isEqualTo(primary.userId());
                    assertThat(attempt.status()).isEqualTo(DeliveryStatus.DELIVERED);
                }));
        assertThat(page.municipality()).isEqualTo("Assen");
        assertThat(page.attempts()).extracting(PageAttempt::channel).containsExactlyInAnyOrder(Channel.EMAIL,
                Channel.SMS);
        // each message carries its own id, the same on every attempt, so a resend can be told from a new page
        assertThat(page.attempts()).filteredOn(attempt -> attempt.channel() == Channel.EMAIL).singleElement()
                .extracting(attempt -> attempt.id().toString()).isEqualTo(mail.reference());
        assertThat(page.attempts()).filteredOn(attempt -> attempt.channel() == Channel.SMS).singleElement()
                .extracting(attempt -> attempt.id().toString()).isEqualTo(sms.reference());
    }

    @Test
    void unacknowledgedThePageGoesToTheBackupAndThenToEveryoneWithAShift() {
        String requestId = submitted();
        TestEvents.publish(TestEvents.requestEscalated(requestId, region));
        await().atMost(PATIENCE).until(() -> CHANNELS.smsTo(primary.e164()).size() == 1);

        clock.advance(PAST_ACKNOWLEDGE_TIME);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(CHANNELS.mailTo(backup.email())).hasSize(1);
            assertThat(CHANNELS.smsTo(backup.e164())).hasSize(1);
        });
        assertThat(CHANNELS.mailTo(later.email())).isEmpty();

        clock.advance(PAST_ACKNOWLEDGE_TIME);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(CHANNELS.mailTo(later.email())).hasSize(1);
            assertThat(CHANNELS.smsTo(later.e164())).hasSize(1);
            // everyone with a shift: the primary and backup are told again, once
            assertThat(CHANNELS.mailTo(primary.email())).hasSize(2);
            assertThat(CHANNELS.mailTo(backup.email())).hasSize(2);
        });
        awaitPage(requestId, PageStatus.REGION_PAGED, attempts -> assertThat(attempts)
                .filteredOn(attempt -> attempt.status() == DeliveryStatus.DELIVERED).hasSize(10));

        // the end of the chain: nothing more, however long nobody answers
        clock.advance(PAST_ACKNOWLEDGE_TIME);
        escalateElsewhereAndAwaitItsBackup();
        assertThat(CHANNELS.mailTo(later.email())).hasSize(1);
    }

    @Test
    void acknowledgingInTheApiStopsTheChain() {
        String requestId = submitted();
        TestEvents.publish(TestEvents.requestEscalated(requestId, region));
        PageResponse page = awaitPage(requestId, PageStatus.PRIMARY_PAGED, attempts -> assertThat(attempts).hasSize(2));

        PageResponse acknowledged = web.post().uri("/api/v1/pages/{id}/acknowledge", page.id())
                .headers(TestTokens.as(coordinator))
                .exchange().expectStatus().isOk()
                .expectBody(PageResponse.class).returnResult().getResponseBody();
        assertThat(acknowledged.status()).isEqualTo(PageStatus.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("coordinator@" + region);
        // twice is a conflict; another region's coordinator does not see the page at all
        web.post().uri("/api/v1/pages/{id}/acknowledge", page.id()).headers(TestTokens.as(coordinator))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        web.post().uri("/api/v1/pages/{id}/acknowledge", page.id())
                .headers(TestTokens.as(TestTokens.coordinator("elders")))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/pages/{id}/acknowledge", page.id()).headers(TestTokens.as(TestTokens.admin()))
                .exchange().expectStatus().isForbidden();

        clock.advance(PAST_ACKNOWLEDGE_TIME);
        escalateElsewhereAndAwaitItsBackup();
        assertThat(CHANNELS.mailTo(backup.email())).isEmpty();
        assertThat(CHANNELS.smsTo(backup.e164())).isEmpty();
        awaitPage(requestId, PageStatus.ACKNOWLEDGED, attempts -> assertThat(attempts).hasSize(2));

        AcknowledgementTimes times = web.get().uri("/api/v1/regions/{region}/pages/acknowledgement-times", region)
                .headers(TestTokens.as(TestTokens.admin()))
                .exchange().expectStatus().isOk()
                .expectBody(AcknowledgementTimes.class).returnResult().getResponseBody();
        assertThat(times.pages()).isEqualTo(1);
        assertThat(times.acknowledged()).isEqualTo(1);
        assertThat(times.p50Seconds()).isBetween(0L, PATIENCE.toSeconds()).isEqualTo(times.p90Seconds());
        web.get().uri("/api/v1/regions/{region}/pages/acknowledgement-times?days=0", region)
                .headers(TestTokens.as(coordinator))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("days");
    }

    @Test
    void theLinkInTheMessageAcknowledgesOnceWithoutSigningIn() {
        String requestId = submitted();
        TestEvents.publish(TestEvents.requestEscalated(requestId, region));
        await().atMost(PATIENCE).until(() -> CHANNELS.smsTo(primary.e164()).size() == 1);
        Matcher link = Pattern.compile("http://door\\.test(/api/v1/pages/ack\\?token=\\S+)")
                .matcher(CHANNELS.smsTo(primary.e164()).get(0).text());
        assertThat(link.find()).isTrue();

        String first = web.get().uri(link.group(1)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(first).contains("Bevestigd", requestId);
        String again = web.get().uri(link.group(1)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).contains("Al bevestigd", primary.userId());
        String altered = link.group(1).substring(0, link.group(1).length() - 2) + "xx";
        web.get().uri(altered).exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).contains("ongeldig"));

        PageResponse page = awaitPage(requestId, PageStatus.ACKNOWLEDGED, attempts -> { });
        assertThat(page.acknowledgedBy()).isEqualTo(primary.userId());
        clock.advance(PAST_ACKNOWLEDGE_TIME);
        escalateElsewhereAndAwaitItsBackup();
        assertThat(CHANNELS.mailTo(backup.email())).isEmpty();
    }

    @Test
    void anEscalationDeliveredTwicePagesOnce() {
        String requestId = submitted();
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(TestEvents.requestEscalated(requestId, region), eventId);
        TestEvents.publish(TestEvents.requestEscalated(requestId, region), eventId);
        // a later escalation of the same request (same key, same partition) is read after both copies
        TestEvents.publish(new nl.adempauze.contracts.events.RequestEscalated(requestId, region, "CRISIS_STAY",
                "CRISIS", "OFFER_EXPIRED", "Offer not answered", Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(pagesOf(requestId)).hasSize(2)
                .allSatisfy(page -> assertThat(page.attempts()).hasSize(2)
                        .allMatch(attempt -> attempt.status() == DeliveryStatus.DELIVERED)));
        assertThat(pagesOf(requestId)).extracting(PageResponse::reason)
                .containsExactlyInAnyOrder("NO_CANDIDATE", "OFFER_EXPIRED");
        assertThat(CHANNELS.mailTo(primary.email())).hasSize(2);
        assertThat(CHANNELS.smsTo(primary.e164())).hasSize(2);
    }

    @Test
    void withNobodyOnCallThePageIsRecordedAndShowsItReachedNobody() {
        String empty = Rotas.uniqueRegion();
        String requestId = uniqueRequestId();
        TestEvents.publish(TestEvents.requestEscalated(requestId, empty));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(pagesOf(empty, TestTokens.admin()))
                .singleElement().satisfies(page -> {
                    assertThat(page.requestId()).isEqualTo(requestId);
                    assertThat(page.attempts()).isEmpty();
                }));
    }

    /**
     * A page in a region of its own, walked past its primary by the moved clock: once its backup has the message,
     * the pollers have run after the clock moved, so anything they were to page elsewhere is paged too.
     */
    private void escalateElsewhereAndAwaitItsBackup() {
        String otherRegion = Rotas.uniqueRegion();
        Person otherPrimary = Person.unique("ander");
        Person otherBackup = Person.unique("andere-achterwacht");
        Instant now = clock.instant();
        web.post().uri("/api/v1/regions/{region}/shifts", otherRegion)
                .headers(TestTokens.as(TestTokens.coordinator(otherRegion)))
                .bodyValue(Rotas.shift(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), otherPrimary,
                        otherBackup))
                .exchange().expectStatus().isCreated();
        String requestId = uniqueRequestId();
        TestEvents.publish(TestEvents.requestEscalated(requestId, otherRegion));
        await().atMost(PATIENCE).until(() -> CHANNELS.smsTo(otherPrimary.e164()).size() == 1);
        clock.advance(PAST_ACKNOWLEDGE_TIME);
        await().atMost(PATIENCE).until(() -> CHANNELS.smsTo(otherBackup.e164()).size() == 1);
    }

    private String submitted() {
        String requestId = uniqueRequestId();
        TestEvents.publish(TestEvents.requestSubmitted(requestId, region, TestEvents.REFERRER));
        awaitKnown(requestId);
        return requestId;
    }

    private void plan(Map<String, Object> shift) {
        web.post().uri("/api/v1/regions/{region}/shifts", region).headers(TestTokens.as(coordinator))
                .bodyValue(shift).exchange().expectStatus().isCreated();
    }

    private List<PageResponse> pagesOf(String requestId) {
        return pagesOf(region, coordinator).stream().filter(page -> page.requestId().equals(requestId)).toList();
    }

    private List<PageResponse> pagesOf(String pagedRegion, String token) {
        return web.get().uri("/api/v1/regions/{region}/pages", pagedRegion).headers(TestTokens.as(token))
                .exchange().expectStatus().isOk()
                .expectBodyList(PageResponse.class).returnResult().getResponseBody();
    }

    private PageResponse awaitPage(String requestId, PageStatus status,
                                   java.util.function.Consumer<List<PageAttempt>> attempts) {
        return await().atMost(PATIENCE).until(() -> {
            List<PageResponse> pages = pagesOf(requestId);
            if (pages.size() != 1 || pages.get(0).status() != status) {
                return null;
            }
            try {
                attempts.accept(pages.get(0).attempts());
                return pages.get(0);
            } catch (AssertionError notYet) {
                return null;
            }
        }, java.util.Objects::nonNull);
    }
}
