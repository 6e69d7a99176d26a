package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.adempauze.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

/** Shifts, their channels, and who a page reaches at each tier. */
class RotaTest {

    private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
    private static final Contact FEMKE = Contact.of("primary", "coordinator-drenthe", "femke@example.nl",
            "06 1234 5678");
    private static final Contact JAN = Contact.of("backup", "jan", "jan@example.nl", "+31687654321");
    private static final Contact ANNE = Contact.of("primary", "anne", "anne@example.nl", "0031611112222");

    @Test
    void channelsAreCheckedAndKeptInOneForm() {
        assertThat(FEMKE.phone()).isEqualTo("+31612345678");
        assertThat(ANNE.phone()).isEqualTo("+31611112222");
        assertThat(Contact.of("primary", "x", "X@Example.NL", "+4915112345678").email()).isEqualTo("x@example.nl");
        assertRefused(() -> Contact.of("primary", "x", "x@", "0612345678"), "primary.email");
        assertRefused(() -> Contact.of("primary", "x", "x@example.nl\nBcc: y@example.nl", "0612345678"),
                "primary.email");
        assertRefused(() -> Contact.of("backup", "x", "x@example.nl", "0201234567"), "backup.phone");
        assertRefused(() -> Contact.of("backup", "x", "x@example.nl", "+31201234567"), "backup.phone");
        assertRefused(() -> Contact.of("backup", "x", "x@example.nl", "06123"), "backup.phone");
        assertRefused(() -> Contact.of("backup", "x y", "x@example.nl", "0612345678"), "backup.userId");
    }

    @Test
    void aShiftEndsAfterItStartsAndHasTwoDifferentPeople() {
        assertRefused(() -> Shift.plan(UUID.randomUUID(), "drenthe", T0, T0, FEMKE, null), "endsAt");
        assertRefused(() -> Shift.plan(UUID.randomUUID(), "drenthe", T0, T0.minusSeconds(1), FEMKE, null), "endsAt");
        assertRefused(() -> Shift.plan(UUID.randomUUID(), "drenthe", T0, T0.plusSeconds(60), FEMKE, FEMKE),
                "backup.userId");
        assertRefused(() -> Shift.plan(UUID.randomUUID(), "drenthe", null, T0, FEMKE, null), "startsAt");
    }

    @Test
    void primariesDoNotOverlapButMayFollowEachOther() {
        Shift night = shift(0, 8, FEMKE, JAN);
        Rota rota = new Rota("drenthe", List.of(night));
        rota.checkFits(shift(8, 16, ANNE, null));
        rota.checkFits(new Shift(night.id(), "drenthe", T0, T0.plus(Duration.ofHours(9)), JAN, FEMKE));
        assertRefused(() -> rota.checkFits(shift(7, 9, ANNE, null)), "startsAt");
        assertRefused(() -> rota.checkFits(shift(-1, 20, ANNE, null)), "startsAt");
    }

    @Test
    void eachTierReachesItsPeople() {
        Rota rota = new Rota("drenthe", List.of(shift(8, 16, ANNE, null), shift(0, 8, FEMKE, JAN),
                shift(-8, 0, JAN, null)));
        Instant night = T0.plus(Duration.ofHours(2));
        assertThat(rota.onCallAt(night)).map(Shift::primary).contains(FEMKE);
        assertThat(rota.recipients(PageTier.PRIMARY, night)).containsExactly(FEMKE);
        assertThat(rota.recipients(PageTier.BACKUP, night)).containsExactly(JAN);
        assertThat(rota.recipients(PageTier.REGION, night)).containsExactly(FEMKE, JAN, ANNE);
        assertThat(rota.upcoming(night, 5)).extracting(Shift::primary).containsExactly(ANNE);

        assertThat(rota.coveredUntil(night)).contains(T0.plus(Duration.ofHours(16)));
        assertThat(rota.coveredUntil(T0.plus(Duration.ofHours(16)))).isEmpty();
        Rota withGap = new Rota("drenthe", List.of(shift(0, 8, FEMKE, JAN), shift(9, 16, ANNE, null)));
        assertThat(withGap.coveredUntil(night)).contains(T0.plus(Duration.ofHours(8)));

        Instant day = T0.plus(Duration.ofHours(9));
        assertThat(rota.recipients(PageTier.BACKUP, day)).isEmpty();
        assertThat(rota.recipients(PageTier.PRIMARY, T0.plus(Duration.ofDays(2)))).isEmpty();
    }

    private static Shift shift(int fromHour, int toHour, Contact primary, Contact backup) {
        return Shift.plan(UUID.randomUUID(), "drenthe", T0.plus(Duration.ofHours(fromHour)),
                T0.plus(Duration.ofHours(toHour)), primary, backup);
    }

    private static void assertRefused(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(refusal.field()).isEqualTo(field);
        });
    }
}
