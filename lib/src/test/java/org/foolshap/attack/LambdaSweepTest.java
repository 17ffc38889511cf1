package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.Draws;
import org.junit.jupiter.api.Test;

class LambdaSweepTest {
    /** A coefficient matrix where the sensitive column correlates with the output, as in real attacks. */
    static final int N = 3000;
    static final double[] F1 = new double[N];
    static final double[][] C = new double[N][3];
    static final double[] F0 = new double[2000];

    static {
        SplittableRandom r = new SplittableRandom(1);
        for (int j = 0; j < N; j++) {
            F1[j] = r.nextDouble();
            C[j][0] = -0.05 - 0.05 * F1[j] + 0.03 * r.nextGaussian();
            C[j][1] = 0.1 * r.nextGaussian();
            C[j][2] = -0.2 * F1[j];
        }
        for (int i = 0; i < F0.length; i++) {
            F0[i] = r.nextDouble() * 0.8;
        }
    }

    static double[] s0Outputs() {
        return Draws.pick(F0, Draws.uniform(F0.length, 200, new SplittableRandom(4)));
    }

    @Test
    void findsAStealthyLambdaAndIsReproducible() {
        Auditor auditor = Auditor.of(F0, F1);
        LambdaSweep sweep = LambdaSweep.withDefaults().withRepeats(50).withSeed(5);
        SweepResult a = sweep.run(C, 0, F1, s0Outputs(), auditor);
        SweepResult b = sweep.run(C, 0, F1, s0Outputs(), auditor);
        assertArrayEquals(a.detectionRates(), b.detectionRates());
        assertEquals(a.best(), b.best());
        assertTrue(a.succeeded());
        assertTrue(a.chosen().orElseThrow().detectionRate() < 0.1);
        assertTrue(a.relativeDecrease() > 0.3, "decrease " + a.relativeDecrease());
        assertEquals(20, a.points().size());
        // the target curve moves monotonically with lambda (weights are monotone; draws add noise)
        double[] t = a.points().stream().mapToDouble(LambdaPoint::meanTarget).toArray();
        assertTrue(t[0] > t[t.length - 1]);
        assertEquals(a.honestTarget(), a.honestPhi()[0], 1e-12);
    }

    @Test
    void manipulabilityIntervalContainsTheHonestValue() {
        Auditor auditor = Auditor.of(F0, F1);
        ManipulabilityInterval.Result r = ManipulabilityInterval.of(LambdaSweep.withDefaults().withRepeats(30))
                .run(C, 0, F1, s0Outputs(), auditor);
        assertTrue(r.low() < r.honest() && r.honest() < r.high(), r.toString());
        assertTrue(r.down().chosen().orElseThrow().detectionRate() < 0.1
                && r.up().chosen().orElseThrow().detectionRate() < 0.1);
    }

    /**
     * Two sensitive features: A can be pushed past zero (it correlates with the output), B cannot (noise around
     * -0.05). The combined target mean_k beta_k Phi_k reaches 0 where A overshoots to cancel B, while sum_k |Phi_k| is
     * smallest where A is near 0: lambda* must follow the official rule, sum_k |Phi_k|, over the stealthy lambdas.
     */
    @Test
    void multiAttributeLambdaStarMinimisesTheSumOfAmplitudes() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 3000;
        double[] f = new double[n];
        double[][] c = new double[n][3];
        for (int j = 0; j < n; j++) {
            f[j] = r.nextDouble();
            c[j][0] = 0.1 - 0.3 * f[j] + 0.005 * r.nextGaussian();
            c[j][1] = r.nextGaussian();
            c[j][2] = -0.05 + 0.005 * r.nextGaussian();
        }
        // an auditor that never fires, so every lambda is stealthy and only the rule decides
        Auditor auditor = Auditor.of(F0, f).withSignificance(1e-300);
        LambdaSweep sweep = LambdaSweep.withDefaults().withRepeats(20).withLambdas(new LambdaGrid(-3, 1, 30)).withSeed(2);
        SweepResult res = sweep.run(c, new int[] {0, 2}, f, s0Outputs(), auditor);
        double[] sums = res.points().stream().mapToDouble(p -> Math.abs(p.meanPhi()[0]) + Math.abs(p.meanPhi()[2]))
                .toArray();
        int best = res.best().orElseThrow();
        for (double v : sums) {
            assertTrue(sums[best] <= v, "lambda* has sum |Phi_k| " + sums[best] + " but another lambda has " + v);
        }
        // the combined-target rule would have chosen another lambda, with a larger sum of amplitudes
        int byCombined = 0;
        for (int k = 1; k < res.points().size(); k++) {
            if (Math.abs(res.points().get(k).meanTarget()) < Math.abs(res.points().get(byCombined).meanTarget())) {
                byCombined = k;
            }
        }
        assertTrue(sums[byCombined] > sums[best] + 0.01, sums[byCombined] + " vs " + sums[best]);
        assertEquals("x0+x2", res.target());
    }

    @Test
    void gridParsing() {
        LambdaGrid g = LambdaGrid.parse("-0.5:2:20");
        assertEquals(20, g.values().length);
        assertEquals(Math.pow(10, -0.5), g.values()[0], 1e-12);
        assertEquals(100, g.values()[19], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> LambdaGrid.parse("1:2"));
        assertThrows(IllegalArgumentException.class, () -> LambdaGrid.parse("2:1:5"));
        assertThrows(IllegalArgumentException.class, () -> LambdaGrid.parse("a:1:5"));
        assertThrows(IllegalArgumentException.class, () -> LambdaGrid.parse("0:1:1"));
    }

    @Test
    void badInputIsNamed() {
        Auditor auditor = Auditor.of(F0, F1);
        LambdaSweep s = LambdaSweep.withDefaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withLambdas(1, 0)).getMessage()
                .contains("lambda"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> s.withM(5000).run(C, 0, F1, s0Outputs(), auditor)).getMessage().contains("M = 5000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.run(C, 3, F1, s0Outputs(), auditor))
                .getMessage().contains("sensitive feature 3"));
        double[] shortF = java.util.Arrays.copyOf(F1, 10);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.run(C, 0, shortF, s0Outputs(), auditor))
                .getMessage().contains("background outputs"));
        double[] nan = F1.clone();
        nan[7] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.run(C, 0, nan, s0Outputs(), auditor))
                .getMessage().contains("position 7"));
        assertThrows(IllegalArgumentException.class, () -> s.withThreshold(0));
        assertThrows(IllegalArgumentException.class, () -> s.withRepeats(0));
    }
}
