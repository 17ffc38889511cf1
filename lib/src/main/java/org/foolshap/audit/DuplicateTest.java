package org.foolshap.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Beyond the paper: the duplicate-rows test. An honest S' of M rows drawn uniformly with replacement from a group of
 * N rows has K distinct rows with the classical occupancy distribution; the attack draws from sparse weights (a few
 * hundred support points at most), so it repeats rows far more often. The statistic is the number of duplicates
 * M - K, the p-value P(K <= k observed) under honest sampling.
 *
 * <p>Exact for row indices (N equally likely rows): the recursion P_t+1(k) = P_t(k) k/N + P_t(k-1) (N-k+1)/N, O(M^2).
 * For feature rows, identical rows of the group are one identity drawn with its multiplicity's probability; the
 * null distribution is then simulated (seeded). A supplied row absent from the group is impossible under honest
 * sampling: p-value 0.
 */
public final class DuplicateTest {
    private static final int SIMULATIONS = 10_000;

    private DuplicateTest() {
    }

    /** Test on indices into a group of {@code groupSize} rows, at level {@code level}. */
    public static TestOutcome indices(String name, int[] indices, int groupSize, double level) {
        if (indices == null || indices.length == 0) {
            throw new IllegalArgumentException("the sample " + name + " is empty");
        }
        if (groupSize < 1) {
            throw new IllegalArgumentException("the group of " + name + " is empty");
        }
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= groupSize) {
                throw new IllegalArgumentException("index " + indices[k] + " at position " + k + " of " + name
                        + " is outside the group of " + groupSize + " rows");
            }
        }
        int distinct = (int) Arrays.stream(indices).distinct().count();
        return TestOutcome.of("duplicates " + name, indices.length - distinct,
                lowerTail(indices.length, groupSize, distinct), level);
    }

    /** P(K <= k) for K distinct values among m uniform draws from n. */
    static double lowerTail(int m, int n, int k) {
        double[] p = new double[m + 2];
        p[0] = 1;
        for (int t = 0; t < m; t++) {
            for (int j = Math.min(t + 1, n); j >= 1; j--) {
                p[j] = p[j] * j / (double) n + p[j - 1] * (n - j + 1) / (double) n;
            }
            p[0] = 0;
        }
        double s = 0;
        for (int j = 0; j <= Math.min(k, m); j++) {
            s += p[j];
        }
        return Math.min(1, s);
    }

    /**
     * Test on feature rows against the group's rows (the auditor holding the features), at level {@code level}.
     * Simulated null with 10,000 draws from {@code seed} when the group itself has identical rows.
     */
    public static TestOutcome rows(String name, double[][] sample, double[][] group, double level, long seed) {
        if (sample == null || sample.length == 0 || group == null || group.length == 0) {
            throw new IllegalArgumentException("the sample " + name + " or its group is empty");
        }
        Map<List<Double>, Integer> identity = new HashMap<>();
        int[] groupIds = new int[group.length];
        for (int r = 0; r < group.length; r++) {
            groupIds[r] = identity.computeIfAbsent(key(group[r]), k -> identity.size());
        }
        int m = sample.length;
        int[] ids = new int[m];
        for (int k = 0; k < m; k++) {
            Integer id = identity.get(key(sample[k]));
            if (id == null) {
                return TestOutcome.of("duplicates " + name, Double.POSITIVE_INFINITY, 0, level);
            }
            ids[k] = id;
        }
        int distinct = (int) Arrays.stream(ids).distinct().count();
        if (identity.size() == group.length) {
            return TestOutcome.of("duplicates " + name, m - distinct, lowerTail(m, group.length, distinct), level);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] seen = new boolean[identity.size()];
        int atMost = 0;
        for (int s = 0; s < SIMULATIONS; s++) {
            Arrays.fill(seen, false);
            int k = 0;
            for (int t = 0; t < m; t++) {
                int id = groupIds[rng.nextInt(group.length)];
                if (!seen[id]) {
                    seen[id] = true;
                    k++;
                }
            }
            atMost += k <= distinct ? 1 : 0;
        }
        return TestOutcome.of("duplicates " + name, m - distinct, (1.0 + atMost) / (SIMULATIONS + 1), level);
    }

    /**
     * The duplicate test of S_1' on row identity, prepared once for a group and a sample size M: identical rows of
     * the group are one identity, so an honest sample of a group with repeated rows is not flagged for repeating
     * them, and a sampler that spreads its mass over the copies of a row is flagged like one putting it all on one
     * copy. The null distribution of the number K of distinct identities among M uniform draws with replacement is
     * exact (occupancy recursion, O(M^2)) when every row is distinct, else simulated once ({@value #SIMULATIONS}
     * draws from {@code seed}, O(SIMULATIONS x M)); each {@link #test} then costs O(M).
     *
     * @param identities identity of each group row (equal ids = identical rows), e.g. {@link #identities(double[][])}
     */
    public static Prepared prepare(String name, int[] identities, int m, double level, long seed) {
        if (identities.length == 0) {
            throw new IllegalArgumentException("the group of " + name + " is empty");
        }
        if (m < 1) {
            throw new IllegalArgumentException("M must be at least 1, got " + m);
        }
        int distinctIds = (int) Arrays.stream(identities).distinct().count();
        double[] cdf = new double[m + 1];
        if (distinctIds == identities.length) {
            for (int k = 0; k <= m; k++) {
                cdf[k] = lowerTail(m, identities.length, k);
            }
        } else {
            int maxId = Arrays.stream(identities).max().getAsInt();
            boolean[] seen = new boolean[maxId + 1];
            int[] counts = new int[m + 1];
            SplittableRandom rng = new SplittableRandom(seed);
            for (int s = 0; s < SIMULATIONS; s++) {
                Arrays.fill(seen, false);
                int k = 0;
                for (int t = 0; t < m; t++) {
                    int id = identities[rng.nextInt(identities.length)];
                    if (!seen[id]) {
                        seen[id] = true;
                        k++;
                    }
                }
                counts[k]++;
            }
            int cum = 0;
            for (int k = 0; k <= m; k++) {
                cum += counts[k];
                cdf[k] = (1.0 + cum) / (SIMULATIONS + 1);
            }
        }
        return new Prepared(name, identities.clone(), m, level, cdf);
    }

    /** Identity ids of rows: equal for identical rows (-0.0 = 0.0), numbered in first-seen order. */
    public static int[] identities(double[][] rows) {
        Map<List<Double>, Integer> identity = new HashMap<>();
        int[] ids = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            ids[r] = identity.computeIfAbsent(key(rows[r]), k -> identity.size());
        }
        return ids;
    }

    /** A duplicate test prepared for one group and M (see {@link #prepare}); immutable. */
    public static final class Prepared {
        private final String name;
        private final int[] identities;
        private final int m;
        private final double level;
        private final double[] cdf;

        private Prepared(String name, int[] identities, int m, double level, double[] cdf) {
            this.name = name;
            this.identities = identities;
            this.m = m;
            this.level = level;
            this.cdf = cdf;
        }

        /** Tests a sample given as M row indices into the group: statistic M - K, p-value P(K <= k observed). */
        public TestOutcome test(int[] rows) {
            if (rows.length != m) {
                throw new IllegalArgumentException("the test was prepared for M = " + m + " rows, got " + rows.length);
            }
            java.util.BitSet seen = new java.util.BitSet();
            int k = 0;
            for (int r : rows) {
                if (r < 0 || r >= identities.length) {
                    throw new IllegalArgumentException("index " + r + " of " + name + " is outside the group of "
                            + identities.length + " rows");
                }
                if (!seen.get(identities[r])) {
                    seen.set(identities[r]);
                    k++;
                }
            }
            return TestOutcome.of("duplicates " + name, m - k, Math.min(1, cdf[k]), level);
        }
    }

    private static List<Double> key(double[] row) {
        Double[] boxed = new Double[row.length];
        for (int i = 0; i < row.length; i++) {
            boxed[i] = row[i] == 0 ? 0.0 : row[i]; // -0.0 and 0.0 are the same value in data
        }
        return List.of(boxed);
    }
}
