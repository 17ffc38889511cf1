package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DuplicateTestTest {

    @Test
    void exactOccupancyMatchesSimulation() {
        int n = 1000;
        int m = 200;
        SplittableRandom r = new SplittableRandom(1);
        int reps = 20000;
        int[] counts = new int[m + 1];
        for (int t = 0; t < reps; t++) {
            counts[(int) Arrays.stream(Draws.uniform(n, m, r)).distinct().count()]++;
        }
        int cum = 0;
        for (int k = 170; k <= 190; k++) {
            cum = 0;
            for (int j = 0; j <= k; j++) {
                cum += counts[j];
            }
            double exact = DuplicateTest.lowerTail(m, n, k);
            double se = Math.sqrt(exact * (1 - exact) / reps);
            assertEquals(exact, cum / (double) reps, 4.5 * se + 1e-4, "k = " + k);
        }
        assertEquals(1, DuplicateTest.lowerTail(m, n, m), 1e-12);
        assertEquals(1, DuplicateTest.lowerTail(1, 5, 1), 1e-12);
        assertEquals(0.2, DuplicateTest.lowerTail(2, 5, 1), 1e-12); // two draws, same row: 1/5
    }

    @Test
    void honestSamplesPassAndSparseWeightsFail() {
        SplittableRandom r = new SplittableRandom(2);
        int rejected = 0;
        for (int t = 0; t < 500; t++) {
            rejected += DuplicateTest.indices("S_1'", Draws.uniform(5000, 200, r), 5000, 0.05).reject() ? 1 : 0;
        }
        assertTrue(rejected <= 0.05 * 500 + 3 * Math.sqrt(0.05 * 0.95 * 500), "honest rejections " + rejected);
        double[] w = new double[5000];
        for (int i = 0; i < 150; i++) {
            w[i * 33] = 1; // a support of 150 points, as the attack's weights
        }
        TestOutcome o = DuplicateTest.indices("S_1'", Draws.weighted(w, 200, r), 5000, 0.05);
        assertTrue(o.reject(), o.toString());
    }

    @Test
    void rowsWithRepeatedGroupRowsAreSimulated() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] group = new double[600][];
        for (int i = 0; i < group.length; i++) {
            group[i] = new double[] {r.nextInt(40), r.nextInt(10)}; // 400 combinations: many repeated rows
        }
        int rejected = 0;
        for (int t = 0; t < 100; t++) {
            double[][] sample = Draws.pick(group, Draws.uniform(group.length, 100, r));
            rejected += DuplicateTest.rows("S_1'", sample, group, 0.05, t).reject() ? 1 : 0;
        }
        assertTrue(rejected <= 12, "honest rejections " + rejected);
        double[][] foreign = {{1000, 0}};
        assertTrue(DuplicateTest.rows("S_1'", foreign, group, 0.05, 1).reject());
    }

    @Test
    void badIndices() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DuplicateTest.indices("S_1'", new int[] {0, 9}, 5, 0.05)).getMessage().contains("index 9"));
        assertThrows(IllegalArgumentException.class, () -> DuplicateTest.indices("S_1'", new int[0], 5, 0.05));
    }

    /** A group where every row appears three times, plus 300 single rows (features as two numbers). */
    private static double[][] duplicatedGroup() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] g = new double[3 * 400 + 300][];
        for (int i = 0; i < 400; i++) {
            double[] row = {r.nextInt(100), r.nextGaussian()};
            g[i] = row;
            g[400 + i] = row.clone();
            g[800 + i] = row.clone();
        }
        for (int i = 1200; i < g.length; i++) {
            g[i] = new double[] {r.nextInt(100), r.nextGaussian()};
        }
        return g;
    }

    @Test
    void identityTestFiresAboutAlphaOnHonestDrawsFromAGroupWithCopies() {
        double[][] group = duplicatedGroup();
        int[] ids = DuplicateTest.identities(group);
        assertEquals(700, Arrays.stream(ids).distinct().count());
        double alpha = 0.05;
        int m = 200;
        DuplicateTest.Prepared test = DuplicateTest.prepare("S_1'", ids, m, alpha, 1);
        SplittableRandom r = new SplittableRandom(7);
        int draws = 2000;
        int identityRejects = 0;
        int indexRejects = 0;
        for (int t = 0; t < draws; t++) {
            int[] rows = Draws.uniform(group.length, m, r);
            identityRejects += test.test(rows).reject() ? 1 : 0;
            // the index test on the same honest draws is calibrated too (indices are uniform)
            indexRejects += DuplicateTest.indices("S_1'", rows, group.length, alpha).reject() ? 1 : 0;
        }
        double se = Math.sqrt(alpha * (1 - alpha) / draws);
        double rate = identityRejects / (double) draws;
        // at most alpha (+ Monte Carlo error); the discreteness of K keeps it a little below, not far below
        assertTrue(rate <= alpha + 3 * se, "identity false-positive rate " + rate);
        assertTrue(rate >= alpha / 3, "identity false-positive rate " + rate);
        assertTrue(indexRejects / (double) draws <= alpha + 3 * se);
        // the prepared test agrees with the one-shot test on feature rows
        int[] rows = Draws.uniform(group.length, m, new SplittableRandom(9));
        assertEquals(test.test(rows).statistic(),
                DuplicateTest.rows("S_1'", Draws.pick(group, rows), group, alpha, 1).statistic());
    }

    @Test
    void nearHonestAttackWeightsOnRowsWithCopiesAreNotFlagged() {
        // outputs and coefficients are functions of the row, so copies tie exactly, as identical rows of real data
        double[][] group = duplicatedGroup();
        double[] f = new double[group.length];
        double[] c = new double[group.length];
        for (int j = 0; j < group.length; j++) {
            f[j] = 1 / (1 + Math.exp(-(group[j][0] - 50) / 20));
            c[j] = 0.01 * group[j][1];
        }
        // solved on the paper's jittered outputs, as LambdaSweep does
        double[] jittered = org.foolshap.attack.FoolShapWeights.jitter(f, 1e-5, 3);
        double[] w = org.foolshap.attack.FoolShapWeights.withLambda(1e6).solve(c, jittered).weights();
        double[] cum = Draws.cumulative(w);
        double alpha = 0.05;
        DuplicateTest.Prepared test = DuplicateTest.prepare("S_1'", DuplicateTest.identities(group), 200, alpha, 1);
        SplittableRandom r = new SplittableRandom(11);
        int draws = 1000;
        int rejects = 0;
        for (int t = 0; t < draws; t++) {
            rejects += test.test(Draws.fromCumulative(cum, 200, r)).reject() ? 1 : 0;
        }
        assertTrue(rejects / (double) draws <= 0.15, "near-honest weights flagged " + rejects + " / " + draws);
        // a sparse sampler is still caught
        double[] sparse = org.foolshap.attack.FoolShapWeights.withLambda(1e-3).solve(c, jittered).weights();
        double[] sparseCum = Draws.cumulative(sparse);
        int caught = 0;
        for (int t = 0; t < 100; t++) {
            caught += test.test(Draws.fromCumulative(sparseCum, 200, r)).reject() ? 1 : 0;
        }
        assertTrue(caught >= 90, caught + " / 100");
    }
}
