package org.foolshap.attack;

import java.util.SplittableRandom;
import org.foolshap.audit.Draws;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;

/**
 * Stealthily biased sampling (paper, Section 4.2): the cheater's background S_1' is M rows drawn with replacement
 * from D_1 with probabilities w; the foreground S_0' stays an honest uniform sample (with replacement, as the
 * auditor's null model assumes). Both return row indices; every draw is seeded.
 */
public final class StealthySampler {
    private final int m;

    private StealthySampler(int m) {
        this.m = m;
    }

    /** Samples of M = 200 rows, the paper's size. */
    public static StealthySampler withDefaults() {
        return new StealthySampler(200);
    }

    public StealthySampler withM(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("M must be at least 1, got " + m);
        }
        return new StealthySampler(m);
    }

    public int m() {
        return m;
    }

    /** S_1': M indices into the background drawn with probabilities {@code weights.weights()}. */
    public int[] biased(Weights weights, long seed) {
        return biased(weights.weights(), new SplittableRandom(seed));
    }

    public int[] biased(double[] weights, SplittableRandom rng) {
        fits("background", weights.length);
        return Draws.weighted(weights, m, rng);
    }

    /** S_1' as the company would hand it over: M real background rows of the setting drawn from the weights. */
    public Sample biased(AuditSetting setting, Weights weights, long seed) {
        if (weights.weights().length != setting.size(Group.BACKGROUND)) {
            throw new IllegalArgumentException("the weights cover " + weights.weights().length + " rows but the "
                    + "setting's background has " + setting.size(Group.BACKGROUND));
        }
        return setting.sample(Group.BACKGROUND, biased(weights, seed), "S_1'");
    }

    /** S_0' (or an honest S_1'): M indices uniform over a group of {@code size} rows. */
    public int[] uniform(int size, long seed) {
        return uniform(size, new SplittableRandom(seed));
    }

    public int[] uniform(int size, SplittableRandom rng) {
        fits("group", size);
        return Draws.uniform(size, m, rng);
    }

    /** The paper samples M rows of each group: a group smaller than M is a user error, not a silent duplicate-fest. */
    void fits(String what, int size) {
        if (size < m) {
            throw new IllegalArgumentException("M = " + m + " is larger than the " + what + " (" + size + " rows)");
        }
    }
}
