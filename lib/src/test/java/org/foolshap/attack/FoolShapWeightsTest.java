package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.List;
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
        for (int count : w.counts()) {
            assertEquals(1, count, "identical rows: each keeps its own unit, as under the paper's jitter");
        }
        // when the rows are not minimisers of their own problem, ties go to the lowest index
        double[] c1 = {0, 0, 1, 1};
        double[] f1 = {0.5, 0.5, 0.5, 0.5};
        Weights w1 = FoolShapWeights.withLambda(1).solve(c1, f1);
        assertEquals(List.of(3, 1, 0, 0), java.util.Arrays.stream(w1.counts()).boxed().toList());
        double[] c2 = {0, 0, 0};
        double[] f2 = {0.0, 0.5, 1.0};
        Weights w2 = FoolShapWeights.withLambda(1).solve(c2, f2);
        assertEquals(1, w2.counts()[0]);
        assertEquals(1, w2.counts()[1]);
        assertEquals(1, w2.counts()[2]);
    }

    /**
     * Near-honest weights (lambda so large that moving mass costs more than any coefficient gains) on a background
     * where every row appears three times and distinct rows share outputs: solved on outputs with the paper's jitter,
     * each row keeps its own unit, so the support is the number of rows (merging ties would cut it below a third).
     */
    @Test
    void nearHonestWeightsOnDuplicatedRowsKeepEveryRow() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int distinct = 400;
        int n = 3 * distinct;
        double[] c = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < distinct; i++) {
            double ci = r.nextGaussian() * 0.01;
            double fi = Math.round(r.nextDouble() * 1000) / 1000.0; // outputs on a grid: distinct rows tie too
            for (int copy = 0; copy < 3; copy++) {
                c[copy * distinct + i] = ci;
                f[copy * distinct + i] = fi;
            }
        }
        double[] jittered = FoolShapWeights.jitter(f, 1e-5, 1);
        Weights merged = FoolShapWeights.withLambda(1e6).solve(c, f);
        assertTrue(merged.support() < 0.9 * n, "without jitter, ties of distinct rows merge: " + merged.support());
        Weights honest = FoolShapWeights.withLambda(1e6).solve(c, jittered);
        assertTrue(honest.support() >= 0.95 * n, honest.support() + " of " + n);
        // every row that keeps mass is its own target
        int[] target = honest.target();
        int own = 0;
        for (int j = 0; j < n; j++) {
            own += target[j] == j ? 1 : 0;
        }
        assertTrue(own >= 0.95 * n, own + " of " + n);
        // and the tie-break never costs optimality: the objective equals brute force's per-row minimum
        assertEquals(bruteObjective(c, jittered, 1e6, FoolShapWeights.direction(c)), honest.objective(), 1e-9);
        assertEquals(bruteObjective(c, f, 1e6, FoolShapWeights.direction(c)), merged.objective(), 1e-9);
        // an aggressive lambda still concentrates the mass on few rows
        assertTrue(FoolShapWeights.withLambda(1e-3).solve(c, jittered).support() < distinct / 4);
    }

    /** (1/N) sum_j min_i (beta c_i + lambda |f_i - f_j|), by enumeration. */
    private static double bruteObjective(double[] c, double[] f, double lambda, double beta) {
        double total = 0;
        for (int j = 0; j < c.length; j++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < c.length; i++) {
                best = Math.min(best, beta * c[i] + lambda * Math.abs(f[i] - f[j]));
            }
            total += best;
        }
        return total / c.length;
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
