package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureAuditTest {
    static double[][] group(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {Math.round(r.nextGaussian() * 3), r.nextInt(4), r.nextDouble() < 0.02 ? 5 : 0};
        }
        return x;
    }

    @Test
    void calibratedOnHonestSamples() {
        double[][] g = group(5000, 1);
        FeatureAudit audit = FeatureAudit.withDefaults().withCategorical(new boolean[] {false, true, true});
        SplittableRandom r = new SplittableRandom(2);
        int flagged = 0;
        int reps = 400;
        for (int t = 0; t < reps; t++) {
            flagged += audit.audit(g, Draws.pick(g, Draws.uniform(g.length, 200, r)), r).detected() ? 1 : 0;
        }
        Rate rate = Rate.of(flagged, reps, 0.95);
        assertTrue(rate.low() <= 0.05, rate.toString());
    }

    @Test
    void catchesAShiftedFeature() {
        double[][] g = group(5000, 1);
        double[][] sorted = g.clone();
        Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
        double[][] low = Arrays.copyOf(sorted, 200);
        AuditVerdict v = FeatureAudit.withDefaults().withCategorical(new boolean[] {false, true, true})
                .withNames(java.util.List.of("age", "job", "rare")).audit(g, low, 3);
        assertTrue(v.detected());
        assertTrue(v.test("feature age").reject());
        assertEquals(0.05 / 3, v.test("feature job").level(), 1e-15);
    }

    @Test
    void chiSquarePoolsRareLevelsAndFlagsUnknownOnes() {
        double[] group = {0, 0, 0, 1, 1, 1, 2};
        double[] p = FeatureAudit.chiSquare(group, new double[] {0, 1, 7});
        assertEquals(0, p[1]);
        assertEquals(1, FeatureAudit.chiSquare(group, new double[] {0, 1, 2})[1]); // too few for two cells
    }

    @Test
    void badInput() {
        double[][] g = group(100, 1);
        assertThrows(IllegalArgumentException.class, () -> FeatureAudit.withDefaults().audit(g, new double[0][], 1));
        double[][] nan = {{1, Double.NaN, 0}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FeatureAudit.withDefaults().audit(g, nan, 1))
                .getMessage().contains("column 1"));
    }
}
