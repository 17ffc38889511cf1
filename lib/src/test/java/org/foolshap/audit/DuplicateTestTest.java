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
}
