package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foolshap.audit.Auditor;
import org.foolshap.audit.DetectionPower;
import org.foolshap.audit.PowerTable;
import org.junit.jupiter.api.Test;

/** Which audit catches the Fool SHAP attack: the paper's output tests miss lambda*, the duplicate-rows test does not. */
class WhoCatchesWhatTest {

    @Test
    void duplicatesCatchWhatTheOutputTestsMiss() {
        Auditor auditor = Auditor.of(LambdaSweepTest.F0, LambdaSweepTest.F1);
        SweepResult sweep = LambdaSweep.withDefaults().withRepeats(50).withSeed(5)
                .run(LambdaSweepTest.C, 0, LambdaSweepTest.F1, LambdaSweepTest.s0Outputs(), auditor);
        double[] lambdas = sweep.lambdas();
        double[][] weights = sweep.points().stream().map(p -> p.weights().weights()).toArray(double[][]::new);
        PowerTable table = DetectionPower.withDefaults().withRepeats(50).withSeed(6)
                .run(auditor, lambdas, weights, new int[] {100, 200});
        int best = sweep.best().orElseThrow();
        assertTrue(table.rate("paper", best, 1) <= 0.2, table.toString());
        assertTrue(table.rate("duplicates S_1'", best, 1) >= 0.9, table.toString());
        // the notebook form, against the sweep itself, draws the same audits (no setting: no feature family)
        PowerTable fromSweep = DetectionPower.withDefaults().withRepeats(50).withSeed(6).run(auditor, sweep, 1, 100, 200);
        assertEquals(table.tests(), fromSweep.tests());
        assertArrayEquals(table.lambdas(), fromSweep.lambdas());
        for (String test : table.tests()) {
            for (int l = 0; l < lambdas.length; l++) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(table.rate(test, l, k), fromSweep.rate(test, l, k), test + " at lambda " + l);
                }
            }
        }
        assertEquals(auditor.significance(), table.significance());
    }
}
