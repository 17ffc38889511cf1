package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CappedWeightsTest {

    @Test
    void equalsTheUncappedOptimumWhenTheCapCannotBind() {
        for (int t = 0; t < 6; t++) {
            double[][] inst = FoolShapWeightsTest.instance(30 + 10 * t, t % 2 == 0 ? 0 : 5, t);
            Weights free = FoolShapWeights.withLambda(0.5).solve(inst[0], inst[1]);
            Weights capped = CappedWeights.of(0.5, 1000).solve(inst[0], inst[1]);
            assertEquals(free.objective(), capped.objective(), 1e-9);
        }
    }

    @Test
    void respectsTheCapAndMatchesBruteForceOnTinyInstances() {
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < 20; t++) {
            int n = 2 + r.nextInt(5);
            int cap = 1 + r.nextInt(3);
            double lambda = Math.pow(10, r.nextDouble(-1.5, 1));
            double[][] inst = FoolShapWeightsTest.instance(n, t % 2 == 0 ? 0 : 3, 50 + t);
            Weights w = CappedWeights.of(lambda, cap).solve(inst[0], inst[1]);
            int total = 0;
            for (int count : w.counts()) {
                assertTrue(count <= cap, "count " + count + " above cap " + cap);
                total += count;
            }
            assertEquals(n, total);
            assertEquals(brute(inst[0], inst[1], w.beta(), lambda, cap), w.objective(), 1e-9,
                    "instance " + t + " n=" + n + " cap=" + cap);
        }
    }

    @Test
    void lineNetworkMatchesThePapersCompleteNetwork() {
        SplittableRandom r = new SplittableRandom(8);
        for (int t = 0; t < 10; t++) {
            int n = 5 + r.nextInt(60);
            int cap = 1 + r.nextInt(4);
            double lambda = Math.pow(10, r.nextDouble(-1.5, 1.5));
            double[][] inst = FoolShapWeightsTest.instance(n, t % 2 == 0 ? 0 : 4, 70 + t);
            Weights line = CappedWeights.of(lambda, cap).solve(inst[0], inst[1]);
            Weights complete = PaperNetwork.solve(inst[0], inst[1], line.beta(), lambda, cap);
            assertEquals(complete.objective(), line.objective(), 1e-9, "instance " + t);
        }
    }

    @Test
    void capIsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> CappedWeights.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> CappedWeights.of(0, 2));
    }

    /** Enumerates every assignment of the N units to points (N^N of them), keeping those within the cap. */
    private static double brute(double[] c, double[] f, double beta, double lambda, int cap) {
        int n = c.length;
        int[] a = new int[n];
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            int[] counts = new int[n];
            double cost = 0;
            boolean ok = true;
            for (int j = 0; j < n; j++) {
                if (++counts[a[j]] > cap) {
                    ok = false;
                }
                cost += beta * c[a[j]] + lambda * Math.abs(f[a[j]] - f[j]);
            }
            if (ok) {
                best = Math.min(best, cost / n);
            }
            int k = 0;
            while (k < n && ++a[k] == n) {
                a[k++] = 0;
            }
            if (k == n) {
                return best;
            }
        }
    }
}
