package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foolshap.ToyAudit;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;

class FoolShapTest {

    @Test
    void hidesTheSensitiveFeatureWithoutBeingDetected() {
        Explainer explainer = Explainers.auto(Synthetic.model());
        double[][] women = Synthetic.group(1500, 0, 1);
        double[][] men = Synthetic.group(2500, 1, 2);
        // the FAST genetic setting (2 s) keeps this test short; the published budget is tested in BaselinesTest
        AttackResult r = FoolShap.of(explainer).withSeed(3).withRepeats(100).withBaselineSeconds(2)
                .withFastGenetic(true).withLambdas(LambdaGrid.parse("-1:2:12"))
                .attack(women, men, Synthetic.GENDER);
        SweepResult sw = r.sweep();
        assertTrue(sw.succeeded());
        assertTrue(r.detectionRate() <= 0.1);
        assertTrue(sw.relativeDecrease() > 0.5, "decrease " + sw.relativeDecrease());
        assertTrue(r.relativeDecreaseVsFull() > 0.4, "decrease " + r.relativeDecreaseVsFull());
        assertEquals(200, r.s1().length);
        assertTrue(r.bruteForce().isPresent() && r.genetic().isPresent(), "baselines ran");
        assertTrue(Math.abs(r.phiAfter()) < Math.abs(r.bruteForce().orElseThrow().target()),
                "Fool SHAP beats brute force");
        // totals are preserved in the sense of efficiency: Phi sums to the gap of the samples
        assertEquals(r.after().gap(), r.after().total(), 1e-9);
    }

    @Test
    void reportsFailureWhenNoLambdaIsStealthy() {
        Explainer explainer = Explainers.auto(Synthetic.model());
        AttackResult r = FoolShap.of(explainer).withBaselines(false).withRepeats(20).withLambdas(1e-3, 2e-3)
                .attack(Synthetic.group(600, 0, 1), Synthetic.group(800, 1, 2), Synthetic.GENDER);
        assertTrue(r.sweep().best().isEmpty());
        assertTrue(r.sweep().chosen().isEmpty());
        assertEquals(r.sweep().leastDetected().lambda(), r.lambda(), "the fallback is the least detected lambda");
        assertFalse(r.succeeded());
        assertEquals(1, r.detectionRate());
        assertEquals(1, r.chosen().weights().support()); // all mass on one row: the duplicates test's dream
        assertTrue(r.bruteForce().isEmpty() && r.genetic().isEmpty());
    }

    @Test
    void attackOnASettingEqualsTheLowerTierWithTheSameSeed() {
        AuditSetting setting = ToyAudit.setting();
        FoolShap attack = ToyAudit.foolShap(setting);
        AttackResult upper = attack.attack(setting);
        AttackResult lower = attack.attack(setting.rows(Group.FOREGROUND), setting.rows(Group.BACKGROUND),
                setting.sensitiveIndex());
        assertArrayEquals(lower.s0(), upper.s0());
        assertArrayEquals(lower.s1(), upper.s1());
        assertArrayEquals(lower.honestS1(), upper.honestS1());
        assertArrayEquals(lower.before().values(), upper.before().values());
        assertArrayEquals(lower.after().values(), upper.after().values());
        assertArrayEquals(lower.after().halfWidths(), upper.after().halfWidths());
        assertArrayEquals(lower.fullPhi(), upper.fullPhi());
        assertArrayEquals(lower.sweep().detectionRates(), upper.sweep().detectionRates());
        assertEquals(lower.sweep().best(), upper.sweep().best());
        assertEquals(lower.finalAudit(), upper.finalAudit());
        // only the names differ: the lower tier has none
        assertEquals(setting.names(), upper.after().features());
        assertEquals(List.of("x0", "x1", "x2", "x3", "x4"), lower.after().features());
        assertEquals(setting.sensitive(), upper.sensitiveName());
        // the lower tier's setting is built from the rows, so its samples are the same rows
        assertArrayEquals(upper.sampleS1().rows(), lower.sampleS1().rows());
        // efficiency on the attributions shown to the auditor
        for (Attributions a : List.of(upper.before(), upper.after())) {
            double total = 0;
            for (double v : a.values()) {
                total += v;
            }
            assertEquals(a.foregroundMean() - a.backgroundMean(), total, 1e-9);
        }
    }
}
