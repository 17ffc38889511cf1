package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FoolShapWeightsTest {

    /** Random instance; with {@code levels} > 0 the outputs take few distinct values, so ties are everywhere. */
    static double[][] instance(int n, int levels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[n];
        double[] f = new double[n];
        double drift = r.nextDouble(-0.5, 0.5);
        for (int j = 0; j < n; j++) {
            f[j] = levels > 0 ? r.nextInt(levels) / (double) levels : r.nextDouble();
            c[j] = drift + 0.3 * f[j] + 0.2 * r.nextGaussian();
            if (levels > 0 && r.nextInt(4) == 0) {
                c[j] = Math.round(c[j] * 4) / 4.0; // tied costs too
            }
        }
        return new double[][] {c, f};
    }

    @Test
    void reachesTheMinCostFlowOptimum() {
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 20; t++) {
            int n = 2 + r.nextInt(t < 14 ? 40 : 200);
            int levels = t % 3 == 0 ? 0 : 1 + r.nextInt(8);
            double lambda = Math.pow(10, r.nextDouble(-2, 2));
            double[][] inst = instance(n, levels, 100 + t);
            Weights fast = FoolShapWeights.withLambda(lambda).solve(inst[0], inst[1]);
            Weights flow = TransportNetwork.complete(inst[0], inst[1], fast.beta(), lambda, n);
            assertEquals(flow.objective(), fast.objective(), 1e-9 * (1 + Math.abs(flow.objective())),
                    "instance " + t + " n=" + n + " levels=" + levels + " lambda=" + lambda);
        }
    }

    @Test
    void sumsToOneAndIsSparse() {
        double[][] inst = instance(2000, 0, 3);
        Weights w = FoolShapWeights.withLambda(1).solve(inst[0], inst[1]);
        double s = 0;
        for (double v : w.weights()) {
            assertTrue(v >= 0);
            s += v;
        }
        assertEquals(1, s, 1e-12);
        assertTrue(w.support() < 200, "support " + w.support());
        // every point sends its unit to a best partner: no single reassignment lowers its cost
        int[] t = w.target();
        double[] c = inst[0];
        double[] f = inst[1];
        for (int j = 0; j < 50; j++) {
            double mine = w.beta() * c[t[j]] + Math.abs(f[t[j]] - f[j]);
            for (int i = 0; i < c.length; i++) {
                assertTrue(mine <= w.beta() * c[i] + Math.abs(f[i] - f[j]) + 1e-12);
            }
        }
    }

    @Test
    void smallerLambdaMovesTheAttributionFurther() {
        double[][] inst = instance(1000, 0, 11);
        double previous = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {100, 10, 3, 1, 0.3, 0.1, 0.01}) {
            Weights w = FoolShapWeights.withLambda(lambda).solve(inst[0], inst[1]);
            double signed = w.beta() * w.shift();
            assertTrue(signed <= previous + 1e-12, "lambda " + lambda + ": " + signed + " > " + previous);
            previous = signed;
        }
        // with a tiny lambda all mass goes to the single cheapest point
        Weights w = FoolShapWeights.withLambda(1e-9).solve(inst[0], inst[1]);
        assertEquals(1, w.support());
    }

    @Test
    void largeLambdaKeepsTheUniformWeights() {
        double[][] inst = instance(300, 0, 5);
        Weights w = FoolShapWeights.withLambda(1e9).solve(inst[0], inst[1]);
        for (int count : w.counts()) {
            assertEquals(1, count);
        }
    }

    @Test
    void tiesAreBrokenDeterministically() {
        double[] c = {1, 1, 1, 1};
        double[] f = {0.5, 0.5, 0.5, 0.5};
        Weights w = FoolShapWeights.withLambda(1).solve(c, f);
        assertEquals(4, w.counts()[0], "equal cost and distance: lowest index wins");
        double[] c2 = {0, 0, 0};
        double[] f2 = {0.0, 0.5, 1.0};
        Weights w2 = FoolShapWeights.withLambda(1).solve(c2, f2);
        assertEquals(1, w2.counts()[0]);
        assertEquals(1, w2.counts()[1]);
        assertEquals(1, w2.counts()[2]);
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FoolShapWeights.withLambda(0))
                .getMessage().contains("lambda"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FoolShapWeights.withLambda(-1))
                .getMessage().contains("lambda"));
        FoolShapWeights s = FoolShapWeights.withLambda(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.solve(new double[0], new double[0]))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> s.solve(new double[] {1, Double.NaN}, new double[] {1, 2})).getMessage().contains("coefficients"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> s.solve(new double[] {1, 2}, new double[] {1, Double.NaN})).getMessage().contains("outputs"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> s.solve(new double[] {1, 2}, new double[] {1})).getMessage().contains("outputs"));
    }
}
