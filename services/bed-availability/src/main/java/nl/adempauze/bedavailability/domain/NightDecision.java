package nl.adempauze.bedavailability.domain;

import java.time.Instant;

/**
 * Whether a stay may take a bed on one night, and how: exactly one of {@code take} and {@code refusal} is set.
 *
 * <p>A planned stay takes any available bed (planned stays use the protected beds first). A crisis stay takes an
 * unprotected available bed ({@link NightTake#FREE}); else, when a protected bed no planned stay claimed is left, it
 * takes it once the night starts within the release horizon ({@link NightTake#RELEASED}), or before that only by a
 * coordinator's override ({@link NightTake#OVERRIDDEN}). Without a protection rule crisis takes any available bed.
 */
public record NightDecision(NightTake take, HoldRefusal refusal) {

    public static NightDecision decide(NightCapacity night, boolean planned, boolean protectionOverride,
                                       ProtectionRule rule, Instant now) {
        int available = night.availableBeds();
        if (available <= 0) {
            return refuse(HoldRefusal.NO_FREE_BED);
        }
        if (planned || rule == null || available - night.unclaimedProtected(rule) > 0) {
            return take(NightTake.FREE);
        }
        if (rule.releases(night.night(), now)) {
            return take(NightTake.RELEASED);
        }
        if (protectionOverride) {
            return take(NightTake.OVERRIDDEN);
        }
        return refuse(HoldRefusal.NIGHT_PROTECTED);
    }

    public boolean taken() {
        return take != null;
    }

    private static NightDecision take(NightTake take) {
        return new NightDecision(take, null);
    }

    private static NightDecision refuse(HoldRefusal refusal) {
        return new NightDecision(null, refusal);
    }
}
