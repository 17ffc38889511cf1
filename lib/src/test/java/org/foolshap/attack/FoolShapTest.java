package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;

class FoolShapTest {

    @Test
    void hidesTheSensitiveFeatureWithoutBeingDetected() {
        Explainer explainer = Explainers.auto(Synthetic.model());
        double[][] women = Synthetic.group(1500, 0, 1);
        double[][] men = Synthetic.group(2500, 1, 2);
        AttackResult r = FoolShap.of(explainer).withSeed(3).withRepeats(100).withBaselineSeconds(2).withLambdas(LambdaGrid.parse("-1:2:12"))
                .attack(women, men, Synthetic.GENDER);
        SweepResult sw = r.sweep();
        System.out.printf("full %.4f before %.4f after %.4f lambda %.3f rate %.2f detected %s decrease %.2f brute %s "
                        + "genetic %s sweep %.2fs total %.2fs%n", r.fullPhi()[1], r.phiBefore(), r.phiAfter(),
                r.lambda(), r.detectionRate(), r.detected(), r.relativeDecrease(),
                r.bruteForce().target(), r.genetic().target() + " gens " + r.genetic().generations() + " "
                        + r.genetic().stop(), sw.seconds(), r.seconds());
        assertTrue(sw.succeeded());
        assertTrue(r.detectionRate() <= 0.1);
        assertTrue(sw.relativeDecrease() > 0.5, "decrease " + sw.relativeDecrease());
        assertTrue(r.relativeDecreaseVsFull() > 0.4, "decrease " + r.relativeDecreaseVsFull());
        assertEquals(200, r.s1().length);
        assertNotNull(r.bruteForce());
        assertTrue(Math.abs(r.phiAfter()) < Math.abs(r.bruteForce().target()), "Fool SHAP beats brute force");
        // totals are preserved in the sense of efficiency: Phi sums to the gap of the samples
        assertEquals(r.after().gap(), r.after().total(), 1e-9);
    }

    @Test
    void reportsFailureWhenNoLambdaIsStealthy() {
        Explainer explainer = Explainers.auto(Synthetic.model());
        AttackResult r = FoolShap.of(explainer).withBaselines(false).withRepeats(20).withLambdas(1e-3, 2e-3)
                .attack(Synthetic.group(600, 0, 1), Synthetic.group(800, 1, 2), Synthetic.GENDER);
        assertEquals(-1, r.sweep().best());
        assertFalse(r.succeeded());
        assertEquals(1, r.detectionRate());
        assertEquals(1, r.chosen().weights().support()); // all mass on one row: the duplicates test's dream
        assertTrue(r.bruteForce() == null && r.genetic() == null);
    }
}
