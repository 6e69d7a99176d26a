package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import nl.adempauze.contracts.Nights;
import nl.adempauze.platform.testing.PropertyRuns;
import org.junit.jupiter.api.Test;

/**
 * Properties of the calendar's rules over random sequences of publications, planned and crisis holds (with and
 * without override, at random times relative to the release horizon), releases and early discharges, under random
 * protection rules. See {@link PropertyRuns} for seeds and shrinking.
 */
class CalendarPropertiesTest {

    private static final int TRIES = 400;
    private static final Instant START = Instant.parse("2026-11-22T06:00:00Z");
    private static final LocalDate BASE = Nights.nightOf(START);
    private static final int WINDOW = 21;

    sealed interface Step permits Setup, Publish, Hold, Release, Discharge, Wait {
    }

    /** The care type's protection rule (null: none). */
    record Setup(ProtectionRule rule) implements Step {
    }

    record Publish(int from, int length, int freeBeds) implements Step {
    }

    record Hold(boolean planned, int first, int nights, boolean override) implements Step {
        StayRequest stay() {
            return new StayRequest(BASE.plusDays(first), nights, planned, override);
        }
    }

    /** Releases the {@code pick}-th hold made so far (modulo their number). */
    record Release(int pick) implements Step {
    }

    /** Discharges the {@code pick}-th hold made so far (modulo their number) at the current time. */
    record Discharge(int pick) implements Step {
    }

    record Wait(int hours) implements Step {
    }

    /** What one step did: the calendar before and after, and for a hold its decision. */
    record Outcome(Step step, Map<LocalDate, NightCapacity> before, CalendarModel model, StayDecision decision) {
    }

    interface Check {
        void after(Outcome outcome);
    }

    @Test
    void noNightEverHasMoreBedsHeldThanFreeAndTheCountsAreExactlyWhatTheHoldsStillHold() {
        PropertyRuns.forAll(TRIES, CalendarPropertiesTest::steps, steps -> run(steps, outcome -> {
            CalendarModel model = outcome.model();
            Map<LocalDate, int[]> expected = new TreeMap<>();
            for (CalendarModel.StayHold hold : model.holds) {
                for (HeldNight night : hold.held) {
                    int[] counts = expected.computeIfAbsent(night.night(), n -> new int[4]);
                    counts[night.planned() ? 0 : 1]++;
                    counts[2] += night.take() == NightTake.RELEASED ? 1 : 0;
                    counts[3] += night.take() == NightTake.OVERRIDDEN ? 1 : 0;
                }
            }
            model.nights.values().forEach(night -> {
                assertThat(night.heldBeds()).as("held beds on %s after %s", night.night(), outcome.step())
                        .isBetween(0, night.freeBeds());
                int[] counts = expected.getOrDefault(night.night(), new int[4]);
                assertThat(new int[] {night.plannedHeld(), night.crisisHeld(), night.crisisReleased(),
                        night.crisisOverridden()}).as("counts on %s after %s", night.night(), outcome.step())
                        .containsExactly(counts);
            });
        }));
    }

    @Test
    void crisisNeverTakesAProtectedNightBeyondTheHorizonWithoutOverride() {
        PropertyRuns.forAll(TRIES, CalendarPropertiesTest::steps, steps -> run(steps, outcome -> {
            if (!(outcome.step() instanceof Hold hold) || hold.planned() || !outcome.decision().held()) {
                return;
            }
            CalendarModel model = outcome.model();
            for (HeldNight taken : outcome.decision().nights()) {
                NightCapacity after = model.nights.get(taken.night());
                NightCapacity before = outcome.before().get(taken.night());
                switch (taken.take()) {
                    case FREE -> assertThat(after.availableBeds()).as("a FREE crisis take on %s leaves its "
                                    + "unclaimed protected beds available (%s)", taken.night(), hold)
                            .isGreaterThanOrEqualTo(Math.max(0, after.protectedBeds(model.rule) - after.plannedHeld()));
                    case RELEASED -> {
                        assertThat(model.rule.releases(taken.night(), model.now)).as("released within the horizon")
                                .isTrue();
                        assertThat(before.availableBeds() - before.unclaimedProtected(model.rule))
                                .as("released only when no unprotected bed was left").isZero();
                    }
                    case OVERRIDDEN -> {
                        assertThat(hold.override()).as("overridden only with an override").isTrue();
                        assertThat(model.rule.releases(taken.night(), model.now)).as("overridden only beyond the "
                                + "horizon (within it the bed is released)").isFalse();
                    }
                }
            }
        }));
    }

    @Test
    void aStayIsHeldOnAllItsNightsOrOnNone() {
        PropertyRuns.forAll(TRIES, CalendarPropertiesTest::steps, steps -> run(steps, outcome -> {
            if (!(outcome.step() instanceof Hold hold)) {
                return;
            }
            List<LocalDate> stayNights = hold.stay().dates();
            Map<LocalDate, NightCapacity> after = outcome.model().snapshot();
            if (!outcome.decision().held()) {
                assertThat(after).as("a refused stay changes nothing").isEqualTo(outcome.before());
                return;
            }
            assertThat(outcome.decision().nights()).extracting(HeldNight::night).containsExactlyElementsOf(stayNights);
            after.forEach((night, row) -> {
                int change = row.heldBeds() - outcome.before().get(night).heldBeds();
                assertThat(change).as("held beds on %s", night).isEqualTo(stayNights.contains(night) ? 1 : 0);
            });
        }));
    }

    @Test
    void aStaysOutcomeDoesNotDependOnItsLengthButOnlyOnEachOfItsNights() {
        PropertyRuns.forAll(TRIES, CalendarPropertiesTest::steps, steps -> run(steps, outcome -> {
            if (!(outcome.step() instanceof Hold hold)) {
                return;
            }
            List<NightCapacity> rows = new ArrayList<>(outcome.before().values());
            Instant at = outcome.model().now;
            List<StayDecision> singles = hold.stay().dates().stream()
                    .map(night -> StayDecision.decide(new StayRequest(night, 1, hold.planned(), hold.override()),
                            rows, outcome.model().rule, at))
                    .toList();
            boolean everyNight = singles.stream().allMatch(StayDecision::held);
            assertThat(outcome.decision().held()).as("held exactly when each night alone would be").isEqualTo(everyNight);
            if (everyNight) {
                assertThat(outcome.decision().nights()).as("each night taken as it would be alone")
                        .containsExactlyElementsOf(singles.stream().map(single -> single.nights().get(0)).toList());
            } else {
                assertThat(singles).extracting(StayDecision::refusal).as("the stay's reason is one of its nights'")
                        .contains(outcome.decision().refusal());
            }
        }));
    }

    @Test
    void releasingEveryHoldGivesBackEveryBedExactlyAsTaken() {
        PropertyRuns.forAll(TRIES, CalendarPropertiesTest::steps, steps -> {
            CalendarModel model = run(steps, outcome -> { });
            model.holds.forEach(model::release);
            assertThat(model.nights.values()).allSatisfy(night -> assertThat(new int[] {night.plannedHeld(),
                    night.crisisHeld(), night.crisisReleased(), night.crisisOverridden()})
                    .as("counts on %s", night.night()).containsOnly(0));
        });
    }

    private static CalendarModel run(List<Step> steps, Check check) {
        ProtectionRule rule = steps.stream().filter(Setup.class::isInstance).map(Setup.class::cast).findFirst()
                .map(Setup::rule).orElse(null);
        CalendarModel model = new CalendarModel(rule, START);
        for (Step step : steps) {
            Map<LocalDate, NightCapacity> before = model.snapshot();
            StayDecision decision = null;
            if (step instanceof Publish publish) {
                model.publish(BASE.plusDays(publish.from()), BASE.plusDays(publish.from() + publish.length() - 1L),
                        publish.freeBeds());
            } else if (step instanceof Hold hold) {
                decision = model.hold(hold.stay());
            } else if (step instanceof Release release && !model.holds.isEmpty()) {
                model.release(model.holds.get(release.pick() % model.holds.size()));
            } else if (step instanceof Discharge discharge && !model.holds.isEmpty()) {
                model.discharge(model.holds.get(discharge.pick() % model.holds.size()));
            } else if (step instanceof Wait wait) {
                model.now = model.now.plus(Duration.ofHours(wait.hours()));
            }
            check.after(new Outcome(step, before, model, decision));
        }
        return model;
    }

    private static List<Step> steps(Random random) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Setup(rule(random)));
        // publish most of the window first, so stays meet published nights
        steps.add(new Publish(0, WINDOW - random.nextInt(3), random.nextInt(4)));
        int count = 30 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            if (kind < 15) {
                int from = random.nextInt(WINDOW);
                steps.add(new Publish(from, 1 + random.nextInt(WINDOW - from), random.nextInt(5)));
            } else if (kind < 60) {
                int nights = random.nextInt(10) < 8 ? 1 + random.nextInt(4) : 1 + random.nextInt(14);
                steps.add(new Hold(random.nextBoolean(), random.nextInt(WINDOW), nights, random.nextInt(10) < 3));
            } else if (kind < 75) {
                steps.add(new Release(random.nextInt(1000)));
            } else if (kind < 85) {
                steps.add(new Discharge(random.nextInt(1000)));
            } else {
                steps.add(new Wait(random.nextInt(13)));
            }
        }
        return steps;
    }

    private static ProtectionRule rule(Random random) {
        Duration horizon = Duration.ofHours(random.nextInt(97));
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> new ProtectionRule(random.nextInt(4), null, horizon);
            case 2 -> new ProtectionRule(null, random.nextInt(11) / 10.0, horizon);
            default -> new ProtectionRule(random.nextInt(3), random.nextInt(11) / 10.0, horizon);
        };
    }
}
