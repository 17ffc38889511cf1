package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AuditorTest {
    private static final double[] D0 = AdultLike.outputs(8000, 0.11, 1);
    private static final double[] D1 = AdultLike.outputs(16000, 0.30, 2);

    @Test
    void runsSixTestsAtBonferroniLevels() {
        Auditor a = Auditor.of(D0, D1).withSignificance(0.05);
        SplittableRandom r = new SplittableRandom(5);
        AuditVerdict v = a.audit(Draws.pick(D0, Draws.uniform(D0.length, 200, r)),
                Draws.pick(D1, Draws.uniform(D1.length, 200, r)), 3);
        assertEquals(6, v.tests().size());
        assertEquals(0.05, v.tests().stream().mapToDouble(TestOutcome::level).sum(), 1e-12);
        assertEquals(0.05 / 8, v.test("KS-2 D_1").level(), 1e-15);
        assertEquals(0.05 / 4, v.test("Wald D_0").level(), 1e-15);
        for (TestOutcome t : v.tests()) {
            assertTrue(t.pValue() > 0 && t.pValue() <= 1, t.toString());
        }
    }

    @Test
    void flagsAnObviouslyBiasedSample() {
        Auditor a = Auditor.of(D0, D1);
        double[] sorted = D1.clone();
        Arrays.sort(sorted);
        double[] low = Arrays.copyOf(sorted, 200); // the 200 smallest outputs
        SplittableRandom r = new SplittableRandom(5);
        AuditVerdict v = a.audit(Draws.pick(D0, Draws.uniform(D0.length, 200, r)), low, 4);
        assertTrue(v.detected());
        assertTrue(v.test("Wald D_1").reject());
        assertFalse(v.test("Wald D_0").reject());
        assertTrue(a.detects(Draws.pick(D0, Draws.uniform(D0.length, 200, r)), low, r));
    }

    @Test
    void commonsEstimateGivesTheSameVerdicts() {
        Auditor exact = Auditor.of(D0, D1);
        Auditor estimate = exact.withKsMethod(Auditor.KsMethod.ESTIMATE);
        SplittableRandom r = new SplittableRandom(8);
        for (int t = 0; t < 3; t++) {
            double[] s0 = Draws.pick(D0, Draws.uniform(D0.length, 200, r));
            double[] s1 = Draws.pick(D1, Draws.uniform(D1.length, 200, r));
            AuditVerdict a = exact.audit(s0, s1, 10 + t);
            AuditVerdict b = estimate.audit(s0, s1, 10 + t);
            for (int k = 0; k < 6; k++) {
                assertEquals(a.tests().get(k).statistic(), b.tests().get(k).statistic(), 1e-12);
                assertEquals(a.tests().get(k).pValue(), b.tests().get(k).pValue(), 0.05);
            }
        }
    }

    @Test
    void falsePositiveRateIsAtMostAlpha() {
        // Adult-like outputs with heavy ties: the test of the paper's detector the issue asks for.
        Auditor a = Auditor.of(D0, D1).withSignificance(0.05);
        Rate rate = Calibration.withDefaults().withRepeats(2000).withSeed(11).run(a);
        assertTrue(rate.low() <= 0.05, "false positives " + rate);
        assertTrue(rate.value() < 0.07, "false positives " + rate);
        Rate strict = Calibration.withDefaults().withRepeats(1000).withSeed(12).run(a.withSignificance(0.01));
        assertTrue(strict.low() <= 0.01, "false positives at 1% " + strict);
    }

    @Test
    void wilsonInterval() {
        Rate r = Rate.of(10, 100, 0.95);
        assertEquals(0.0552, r.low(), 1e-3); // textbook values for 10/100
        assertEquals(0.1744, r.high(), 1e-3);
        assertEquals(0, Rate.of(0, 50, 0.95).low());
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Auditor.of(new double[] {0.3, 0.3}, D1))
                .getMessage().contains("constant"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Auditor.of(new double[0], D1))
                .getMessage().contains("D_0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Auditor.of(D0, new double[] {1, Double.NaN}))
                .getMessage().contains("D_1"));
        Auditor a = Auditor.of(D0, D1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.withSignificance(0)).getMessage()
                .contains("significance"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.audit(new double[] {0.1}, new double[0], 1))
                .getMessage().contains("S_1'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> a.audit(new double[] {Double.NaN}, new double[] {1}, 1)).getMessage().contains("S_0'"));
    }
}
