package org.foolshap.audit;

import org.foolshap.model.Pick;
import java.util.SplittableRandom;

/** Seeded index sampling shared by the auditor (fresh reference subsamples) and the attack (biased samples). */
public final class Draws {
    private Draws() {
    }

    /** {@code m} indices uniform on [0, n), with replacement. */
    public static int[] uniform(int n, int m, SplittableRandom rng) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot sample from an empty group");
        }
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            out[k] = rng.nextInt(n);
        }
        return out;
    }

    /**
     * {@code m} indices drawn with replacement with probabilities proportional to {@code weights} (non-negative,
     * finite, positive sum), by binary search on the cumulative sums: O(n + m log n).
     */
    public static int[] weighted(double[] weights, int m, SplittableRandom rng) {
        return fromCumulative(cumulative(weights), m, rng);
    }

    /** The cumulative sums used by {@link #weighted(double[], int, SplittableRandom)}; compute once, draw often. */
    public static double[] cumulative(double[] weights) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("the weights are empty");
        }
        double[] cum = new double[weights.length];
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is " + weights[i] + "; weights must be finite and >= 0");
            }
            s += weights[i];
            cum[i] = s;
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("the weights sum to zero");
        }
        return cum;
    }

    /** Draws from precomputed cumulative sums (see {@link #cumulative}); zero-weight indices are never drawn. */
    public static int[] fromCumulative(double[] cum, int m, SplittableRandom rng) {
        double total = cum[cum.length - 1];
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            double u = rng.nextDouble() * total;
            int lo = 0;
            int hi = cum.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out[k] = lo;
        }
        return out;
    }

    /** The values at the given indices (one implementation: {@link Pick#values}). */
    public static double[] pick(double[] values, int[] indices) {
        return Pick.values(values, indices);
    }

    /** The rows at the given indices, shared, not copied ({@link Pick#rows}). */
    public static double[][] pick(double[][] rows, int[] indices) {
        return Pick.rows(rows, indices);
    }
}
