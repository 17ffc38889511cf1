package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DetectionPowerTest {

    @Test
    void honestWeightsRarelyFlaggedSparseShiftedWeightsCaught() {
        double[] f0 = AdultLike.outputs(4000, 0.11, 1);
        double[] f1 = AdultLike.outputs(6000, 0.3, 2);
        double[] uniform = new double[f1.length];
        Arrays.fill(uniform, 1);
        double[] sparseSame = new double[f1.length]; // every 40th row: same outputs distribution, few rows
        for (int i = 0; i < f1.length; i += 40) {
            sparseSame[i] = 1;
        }
        double[] shifted = new double[f1.length]; // only rows with low outputs
        for (int i = 0; i < f1.length; i++) {
            shifted[i] = f1[i] < 0.2 ? 1 : 0;
        }
        double[][] features = new double[f1.length][];
        for (int i = 0; i < f1.length; i++) {
            features[i] = new double[] {f1[i] * 10 + (i % 3)};
        }
        PowerTable t = DetectionPower.withDefaults().withRepeats(60).withSeed(4)
                .withFeatures(FeatureAudit.withDefaults(), features)
                .run(Auditor.of(f0, f1), new double[] {1, 2, 3}, new double[][] {uniform, sparseSame, shifted},
                        new int[] {100, 200});
        assertEquals(9, t.tests().size());
        assertTrue(t.rate("paper", 0, 1) <= 0.15, t.toString());
        assertTrue(t.rate("duplicates S_1'", 0, 1) <= 0.15, t.toString());
        // a 150-row support is itself a small sample, so the output tests see some shift, but far less often
        assertTrue(t.rate("paper", 1, 1) <= 0.6, t.toString());
        assertTrue(t.rate("duplicates S_1'", 1, 1) >= 0.9, "sparse support is caught by duplicates\n" + t);
        assertTrue(t.rate("paper", 2, 1) >= 0.9, t.toString());
        assertTrue(t.rate("features S_1'", 2, 1) >= 0.9, t.toString());
        assertThrows(IllegalArgumentException.class, () -> DetectionPower.withDefaults()
                .run(Auditor.of(f0, f1), new double[] {1}, new double[][] {uniform, uniform}, new int[] {100}));
    }
}
