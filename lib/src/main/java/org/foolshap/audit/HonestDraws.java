package org.foolshap.audit;

import java.util.HashSet;
import java.util.SplittableRandom;

/** Honest sampling of positions in a group: m uniform draws from n, with or without replacement. */
final class HonestDraws {
    private HonestDraws() {
    }

    static int[] positions(int n, int m, boolean replacement, SplittableRandom rng) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot sample from an empty group");
        }
        if (m < 1) {
            throw new IllegalArgumentException("a sample needs at least one row, got " + m);
        }
        if (replacement) {
            return Draws.uniform(n, m, rng);
        }
        if (m > n) {
            throw new IllegalArgumentException("cannot draw " + m + " rows without replacement from " + n);
        }
        int[] out = new int[m];
        if (m * 4L < n) { // sparse: reject repeats, O(m) expected
            HashSet<Integer> seen = new HashSet<>(2 * m);
            for (int k = 0; k < m; ) {
                int i = rng.nextInt(n);
                if (seen.add(i)) {
                    out[k++] = i;
                }
            }
            return out;
        }
        int[] pool = MmdTest.range(n);
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            out[i] = pool[i];
        }
        return out;
    }
}
