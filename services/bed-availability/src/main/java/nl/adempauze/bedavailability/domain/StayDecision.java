package nl.adempauze.bedavailability.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A stay on the calendar is held on all its nights or not at all: either every night's {@link HeldNight}, or the
 * refusal. When several nights fail, the reason is the one that tells matching most: a night never published,
 * then a night without any bed (an override would not help), then a protected night.
 */
public record StayDecision(List<HeldNight> nights, HoldRefusal refusal) {

    /**
     * Decides a stay against the current (locked) rows of its nights; rows of other nights are ignored, and a
     * night without a row was never published.
     */
    public static StayDecision decide(StayRequest stay, List<NightCapacity> rows, ProtectionRule rule, Instant now) {
        Map<LocalDate, NightCapacity> byNight = rows.stream()
                .collect(Collectors.toMap(NightCapacity::night, Function.identity(), (a, b) -> a));
        List<LocalDate> dates = stay.dates();
        if (!byNight.keySet().containsAll(dates)) {
            return new StayDecision(List.of(), HoldRefusal.NIGHTS_NOT_PUBLISHED);
        }
        List<HeldNight> held = new ArrayList<>();
        HoldRefusal refusal = null;
        for (LocalDate date : dates) {
            NightDecision decision = NightDecision.decide(byNight.get(date), stay.planned(), stay.protectionOverride(),
                    rule, now);
            if (decision.taken()) {
                held.add(new HeldNight(date, stay.planned(), decision.take()));
            } else if (refusal == null || decision.refusal() == HoldRefusal.NO_FREE_BED) {
                refusal = decision.refusal();
            }
        }
        return refusal == null ? new StayDecision(List.copyOf(held), null) : new StayDecision(List.of(), refusal);
    }

    public boolean held() {
        return refusal == null;
    }

    public int count(NightTake take) {
        return (int) nights.stream().filter(night -> night.take() == take).count();
    }
}
